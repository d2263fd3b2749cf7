package org.followuptracker.query.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bson.Document;
import org.followuptracker.query.store.DirectReadModel;
import org.followuptracker.query.store.Generations;
import org.followuptracker.query.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the audit chains: where every country's chain ended and the hash of its entry there, signed
 * with a key the read store does not hold ({@link CheckpointKey}). Whoever rewrites the read store, hashes included,
 * cannot make a chain that still has the entry a checkpoint signed, nor a checkpoint for the chain they made.
 * <p>
 * Taken every {@code tracker.audit.checkpoint-interval} if a chain moved, and when an auditor asks; only of chains
 * that verify and extend the checkpoint before (so a rewrite is never signed over). Kept in the read store, outside
 * any generation: a rebuild makes the same chains. A checkpoint whose signature does not verify is never used; the
 * last one this service took or read is also remembered, so that removing checkpoints from the store shows too.
 */
@Component
class Checkpoints implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /** How many checkpoints not signed with this key a problem names at most. */
    private static final int NAMED = 10;

    private final MongoTemplate mongo;
    private final Generations generations;
    private final Clock clock;
    private final CheckpointKey key;
    private final Duration interval;
    private final AtomicReference<SignedCheckpoint> remembered = new AtomicReference<>();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-checkpoints");
        thread.setDaemon(true);
        return thread;
    });

    Checkpoints(MongoTemplate mongo, Generations generations, Clock clock, AuditProperties properties) {
        this.mongo = mongo;
        this.generations = generations;
        this.clock = clock;
        this.key = CheckpointKey.load(properties.signingKey(), properties.signingKeyFile());
        this.interval = properties.checkpointInterval();
        log.info("audit checkpoints are signed with key {}", key.id());
    }

    CheckpointKey key() {
        return key;
    }

    /**
     * The checkpoint the chains are held to: the newest in the store whose signature verifies, or the one this
     * service remembers if that is newer; and what is wrong with the checkpoints themselves.
     *
     * @param highestNumber the highest number of any checkpoint kept, signed or not
     */
    record Reference(SignedCheckpoint checkpoint, String problem, long highestNumber) {

        CheckpointStatement statement() {
            return checkpoint == null ? null : checkpoint.statement();
        }
    }

    Reference reference() {
        SignedCheckpoint stored = null;
        List<Object> unsigned = new ArrayList<>();
        long highest = 0;
        Query newestFirst = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).cursorBatchSize(16);
        try (Stream<Document> documents = mongo.stream(newestFirst, Document.class, SignedCheckpoint.COLLECTION)) {
            for (Iterator<Document> kept = documents.iterator(); kept.hasNext() && stored == null; ) {
                Document document = kept.next();
                if (document.get("_id") instanceof Number number) {
                    highest = Math.max(highest, number.longValue());
                }
                stored = SignedCheckpoint.verified(document, key);
                if (stored == null) {
                    unsigned.add(document.get("_id"));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unsigned.isEmpty()) {
            problems.add("checkpoints " + unsigned.subList(0, Math.min(NAMED, unsigned.size()))
                    + (unsigned.size() > NAMED ? " and " + (unsigned.size() - NAMED) + " more" : "")
                    + " in the read store are not signed with this service's key (" + key.id() + "): written or "
                    + "changed by someone else, or signed with an earlier key (then take a checkpoint now)");
        }
        SignedCheckpoint known = remember(stored);
        if (known != null && (stored == null || known.number() > stored.number())) {
            problems.add("checkpoint " + known.number() + ", which this service took or read, is no longer in the "
                    + "read store: checkpoints were removed");
        }
        return new Reference(known, problems.isEmpty() ? null : String.join("; ", problems),
                Math.max(highest, known == null ? 0 : known.number()));
    }

    /** Takes a checkpoint of the chains as they are now; refused (409) if one of them does not verify. */
    synchronized SignedCheckpoint take() {
        Reference reference = reference();
        DirectReadModel readModel = generations.reading();
        List<AuditHead> heads = readModel.all(AuditHead.COLLECTION, AuditHead.class);
        AuditVerification chains = AuditChains.walk(readModel, heads, reference.statement(), entry -> { });
        for (AuditVerification.CountryChain chain : chains.countries()) {
            if (!chain.valid()) {
                throw new ConflictException("no checkpoint taken: the audit chain of " + chain.country()
                        + " does not verify at position " + chain.firstBrokenPosition() + ": " + chain.problem());
            }
        }
        long number = Math.addExact(reference.highestNumber(), 1);
        CheckpointStatement statement = new CheckpointStatement(CheckpointStatement.FORMAT, number,
                clock.instant().toString(), key.id(), heads.stream().filter(head -> head.length() > 0)
                        .sorted(Comparator.comparing(AuditHead::country))
                        .map(head -> new CheckpointStatement.SignedHead(head.country(), head.length(),
                                head.lastEventId(), head.hash()))
                        .toList());
        SignedCheckpoint signed = SignedCheckpoint.sign(statement, key);
        try {
            mongo.insert(signed.document(), SignedCheckpoint.COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("checkpoint " + number + " exists already: taken at the same moment by "
                    + "another query-service instance, or written into the read store by someone else");
        }
        remember(signed);
        log.info("audit checkpoint {} taken: {} countries", number, statement.countries().size());
        return signed;
    }

    /** Takes a checkpoint if a chain moved since the last one; what the schedule does. */
    Optional<SignedCheckpoint> takeIfMoved() {
        CheckpointStatement last = reference().statement();
        List<CheckpointStatement.SignedHead> now = generations.reading().all(AuditHead.COLLECTION, AuditHead.class)
                .stream().filter(head -> head.length() > 0).sorted(Comparator.comparing(AuditHead::country))
                .map(head -> new CheckpointStatement.SignedHead(head.country(), head.length(), head.lastEventId(),
                        head.hash()))
                .toList();
        boolean moved = last == null ? !now.isEmpty() : !last.countries().equals(now);
        return moved ? Optional.of(take()) : Optional.empty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSchedule() {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            log.info("audit checkpoints are taken on request only (tracker.audit.checkpoint-interval is {})",
                    interval);
            return;
        }
        schedule.scheduleWithFixedDelay(() -> {
            try {
                takeIfMoved();
            } catch (ConflictException e) {
                log.warn(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("no audit checkpoint taken: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        schedule.shutdownNow();
    }

    /** Remembers {@code read} if it is newer than what is remembered; answers the newer of the two. */
    private SignedCheckpoint remember(SignedCheckpoint read) {
        return remembered.accumulateAndGet(read,
                (known, other) -> other != null && (known == null || other.number() > known.number()) ? other : known);
    }
}
