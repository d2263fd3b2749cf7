package org.followuptracker.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.query.consuming.Projections;
import org.followuptracker.query.readmodel.Generation;
import org.followuptracker.query.readmodel.Generations;
import org.followuptracker.query.readmodel.ProjectionGate;
import org.followuptracker.query.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models without downtime: a new generation is built from the topic beside the live one, which
 * readers keep reading and the live consumer keeps updating. Once the build has caught up, the live consumer is
 * held between two batches while the build reads the last events, the new generation is made live, and the old one
 * is dropped a little later (readers still inside a request finish with it). One build runs at a time.
 * <p>
 * With several query-service instances, start rebuilds on one of them only: the gate holds that instance's
 * consumer; the others switch generations within a second, and re-apply (as duplicates) what they had read.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final Duration OLD_GENERATION_GRACE = Duration.ofSeconds(10);
    private static final Duration CHECK_PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_BUILD_RETRY = Duration.ofSeconds(10);
    /** The purpose of the build that makes the first generation, when there is none. */
    static final String FIRST_BUILD = "first build";

    private final Generations generations;
    private final ProjectionGate gate;
    private final MongoTemplate mongo;
    private final Projections projections;
    private final KafkaProperties kafka;
    private final String topic;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-build");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService cleanup = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-cleanup");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile ReadModelBuild current;
    private volatile RebuildProgress last;

    Rebuilds(Generations generations, ProjectionGate gate, MongoTemplate mongo, Projections projections,
            KafkaProperties kafka, @Value("${tracker.kafka.topic}") String topic) {
        this.generations = generations;
        this.gate = gate;
        this.mongo = mongo;
        this.projections = projections;
        this.kafka = kafka;
        this.topic = topic;
    }

    /** Starts a rebuild in the background; its progress is {@link #progress()}. */
    public RebuildProgress start(String purpose) {
        ReadModelBuild build = claim(purpose);
        current = build;
        executor.submit(() -> rebuild(build));
        return build.progress(RebuildProgress.State.RUNNING, null, null);
    }

    /** The running build's progress, or the last one's outcome. */
    public Optional<RebuildProgress> progress() {
        ReadModelBuild running = current;
        return running != null ? Optional.of(running.progress(RebuildProgress.State.RUNNING, null, null))
                : Optional.ofNullable(last);
    }

    /**
     * Builds a fresh generation from the topic and compares the live read models with it, document by document; the
     * fresh one is dropped afterwards. While events are still arriving, the comparison is retried (each time after
     * reading the newest events) for up to 30 seconds before differences are reported.
     */
    public ReadModelCheck check() {
        Generation live = generations.live().orElseThrow(() -> new ConflictException(
                "the read models are still being built for the first time"));
        ReadModelBuild build = claim("check");
        Instant started = Instant.now();
        try {
            build.open();
            Instant deadline = started.plus(CHECK_PATIENCE);
            ReadModelComparison.Result result;
            while (true) {
                build.catchUp(stopping::get);
                result = ReadModelComparison.compare(mongo, live, build.generation());
                if (result.differenceCount() == 0 || Instant.now().isAfter(deadline)) {
                    break;
                }
                sleep(Duration.ofMillis(500));
            }
            return new ReadModelCheck(live.number(), started, Instant.now(), result.differenceCount() == 0,
                    build.progress(RebuildProgress.State.BUILT, Instant.now(), null).eventsDone(), result.documents(),
                    result.differenceCount(), result.differences());
        } finally {
            build.close();
            generations.drop(build.generation());
            busy.set(false);
        }
    }

    private ReadModelBuild claim(String purpose) {
        if (!busy.compareAndSet(false, true)) {
            throw new ConflictException("a rebuild or a check is already running; see GET /api/admin/rebuilds/latest");
        }
        try {
            Generation generation = generations.allocate();
            return new ReadModelBuild(kafka.buildConsumerProperties(null), topic, mongo, projections, generation, purpose);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    private void rebuild(ReadModelBuild build) {
        Generation generation = build.generation();
        try {
            log.info("rebuilding the read models into generation {} ({})", generation.number(), build.progress(
                    RebuildProgress.State.RUNNING, null, null).purpose());
            build.open();
            build.catchUp(stopping::get);
            Optional<Generation> old;
            gate.lock();
            try {
                Map<TopicPartition, Long> end = build.endOffsets();
                build.readUpTo(end, stopping::get);
                old = generations.live();
                generations.makeLive(generation);
            } finally {
                gate.unlock();
            }
            last = build.progress(RebuildProgress.State.LIVE, Instant.now(), null);
            current = null;
            log.info("read models rebuilt: {}", last);
            old.filter(o -> o.number() != generation.number()).ifPresent(o -> cleanup.schedule(() -> generations.drop(o),
                    OLD_GENERATION_GRACE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            log.error("rebuild into generation {} failed", generation.number(), e);
            last = build.progress(RebuildProgress.State.FAILED, Instant.now(), String.valueOf(e.getMessage()));
            current = null;
            generations.drop(generation);
            if (build.purpose().equals(FIRST_BUILD) && !stopping.get()) {
                // Without a first build there is nothing to read: try again (Kafka may not be up yet).
                cleanup.schedule(() -> start(FIRST_BUILD), FIRST_BUILD_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            build.close();
            busy.set(false);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        executor.shutdownNow();
        cleanup.shutdownNow();
    }
}
