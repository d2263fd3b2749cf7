package org.followuptracker.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.followuptracker.query.projection.Projections;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.store.ProjectionGate;
import org.followuptracker.query.store.TopicPositions;
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
 * Run rebuilds with one query-service instance. The gate holds only this instance's consumer: another instance
 * could, in the second before it sees the new generation, apply events to the old one that the new one then lacks
 * (the check would report them; a second rebuild would repair them).
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final Duration OLD_GENERATION_GRACE = Duration.ofSeconds(10);
    private static final Duration CHECK_PATIENCE = Duration.ofSeconds(30);
    private static final Duration FIRST_BUILD_RETRY = Duration.ofSeconds(10);
    private static final Duration DRAIN_WHILE_HOLDING = Duration.ofSeconds(10);
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
                result = ReadModelComparison.compare(mongo, projections.layout().compared(), live,
                        build.generation());
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
            Generation generation = generations.allocate(projections.layout());
            return new ReadModelBuild(kafka.buildConsumerProperties(null), topic, mongo, projections, generation, purpose);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    private void rebuild(ReadModelBuild build) {
        Generation generation = build.generation();
        Optional<Generation> old = Optional.empty();
        boolean switched = false;
        try {
            log.info("rebuilding the read models into generation {} ({})", generation.number(), build.purpose());
            build.open();
            while (!switched) {
                build.catchUp(stopping::get);
                gate.lock();
                try {
                    // The live consumer waits meanwhile; if the last events cannot be read soon (Kafka away), it is
                    // let go again and the build catches up once more.
                    if (build.readUpTo(build.endOffsets(), stopping::get, Instant.now().plus(DRAIN_WHILE_HOLDING))) {
                        // Where it stands, after every document it wrote: the live consumer goes on from there.
                        TopicPositions.write(mongo, generation, build.positions());
                        old = generations.liveNow();
                        switched = true; // from here on the generation may be live: never drop it
                        generations.makeLive(generation);
                    }
                } finally {
                    gate.unlock();
                }
            }
            last = build.progress(RebuildProgress.State.LIVE, Instant.now(), null);
            log.info("read models rebuilt: {}", last);
        } catch (RuntimeException e) {
            log.error("rebuild into generation {} failed", generation.number(), e);
            last = build.progress(RebuildProgress.State.FAILED, Instant.now(), String.valueOf(e.getMessage()));
            if (!switched) {
                generations.drop(generation);
            }
        } finally {
            current = null;
            build.close();
            busy.set(false);
        }
        if (switched) {
            old.filter(o -> o.number() != generation.number()).ifPresent(o -> later(() -> generations.drop(o),
                    OLD_GENERATION_GRACE));
        } else {
            buildFirstIfNone();
        }
    }

    /** Without any read models there is nothing to read: keep trying to build them (Kafka may not be up yet). */
    private void buildFirstIfNone() {
        later(() -> {
            try {
                if (generations.liveNow().isEmpty() && !busy.get()) {
                    start(FIRST_BUILD);
                }
            } catch (RuntimeException e) {
                log.warn("cannot start building the read models yet: {}", e.getMessage());
                buildFirstIfNone();
            }
        }, FIRST_BUILD_RETRY);
    }

    private void later(Runnable task, Duration delay) {
        if (stopping.get()) {
            return;
        }
        try {
            cleanup.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            log.debug("not scheduled: shutting down");
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
