package org.followuptracker.query.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * One event as the auditor sees it: who recorded it, when, from which source, what it said in full (the payload as
 * it travelled), and its place in its country's hash chain: {@code hash} covers all of this and
 * {@code previousHash}, the hash of the country's entry before it, so changing any entry breaks the chain.
 *
 * <p>
 * Indexed for the trail walked per country in chain order, read a page at a time in the trail's order (from the
 * index, not sorted from every entry), and filtered by actor and time.
 *
 * @param recordedAt     exactly as the event carries it (hashed); {@code recordedAtTime} is the same, to sort by
 */
@CompoundIndex(def = "{'country': 1, 'position': 1}", unique = true)
@CompoundIndex(def = "{'recordedAtTime': 1, 'country': 1, 'position': 1}")
@CompoundIndex(def = "{'actor': 1, 'recordedAtTime': 1}")
public record AuditEntry(
        @Id String eventId,
        String country,
        long position,
        String type,
        String aggregateType,
        String aggregateId,
        long sequence,
        String revision,
        String actor,
        String source,
        String recordedAt,
        Instant recordedAtTime,
        String occurredOn,
        String payload,
        String previousHash,
        String hash) {

    public static final String COLLECTION = "audit";

    /** The hash this entry should carry, computed from its content and {@code previousHash}. */
    String expectedHash() {
        return AuditHash.of(country, Long.toString(position), eventId, type, aggregateType, aggregateId,
                Long.toString(sequence), revision, actor, source, recordedAt, occurredOn, payload, previousHash);
    }

    AuditEntry hashed() {
        return new AuditEntry(eventId, country, position, type, aggregateType, aggregateId, sequence, revision, actor,
                source, recordedAt, recordedAtTime, occurredOn, payload, previousHash, expectedHash());
    }
}
