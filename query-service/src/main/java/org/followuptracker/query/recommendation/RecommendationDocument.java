package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.store.Retraction;
import org.springframework.data.annotation.Id;

/**
 * One recommendation: what it says, who made it, every letter that urged it, every position taken on it and every
 * finding on its implementation, each with when it was recorded and, if so, when it was retracted. Nothing is
 * removed: what the board showed at any moment can be told ({@link #asOf}). {@code number}: where its country's
 * {@link CountryIndex} names it, from 0.
 */
public record RecommendationDocument(
        @Id String recommendationId,
        String country,
        String text,
        String mechanism,
        List<UnSource> sources,
        List<String> themes,
        String madeOn,
        String eventId,
        Instant recordedAt,
        Retraction withdrawn,
        List<Urging> urgings,
        List<PositionRecord> positions,
        List<Finding> findings,
        Integer number) {

    public static final String COLLECTION = "recommendations";
    /** Each country's index of its recommendations ({@link CountryIndex}), and the index's earlier parts. */
    public static final String INDEX = "board_index";
    public static final String INDEX_PARTS = "board_index_parts";
    /** Which of each country's recommendations the last events changed ({@link CountryChanges}). */
    public static final String CHANGES = "board_changes";

    public RecommendationDocument {
        sources = sources == null ? List.of() : sources;
        themes = themes == null ? List.of() : themes;
        urgings = urgings == null ? List.of() : urgings;
        positions = positions == null ? List.of() : positions;
        findings = findings == null ? List.of() : findings;
    }

    /** A letter that urged the recommendation, when it was sent, and where in the letter the recommendation stands. */
    public record Urging(String eventId, String letterId, String urgedOn, int position, Instant recordedAt,
            Retraction retracted) {
    }

    /**
     * A position the government took on it, on a day: in a response to a letter (letterId, responseId), or as a
     * document shows it (source).
     */
    public record PositionRecord(String eventId, String letterId, String responseId, String source, String position,
            String takenOn, Instant recordedAt, Retraction retracted) {
    }

    /** What was found of its implementation, on a day, on what evidence. */
    public record Finding(String eventId, String status, String assessedOn, String evidence, Instant recordedAt,
            Retraction retracted) {
    }

    /** Whether {@code index} names it already, by its number. */
    boolean indexedIn(CountryIndex index) {
        return index.names(number);
    }

    RecommendationDocument withUrging(Urging urging) {
        return urgings.stream().anyMatch(u -> u.eventId().equals(urging.eventId())) ? this
                : copy(append(urgings, urging), positions, findings, withdrawn);
    }

    RecommendationDocument withPosition(PositionRecord position) {
        return positions.stream().anyMatch(p -> p.eventId().equals(position.eventId())) ? this
                : copy(urgings, append(positions, position), findings, withdrawn);
    }

    RecommendationDocument withFinding(Finding finding) {
        return findings.stream().anyMatch(f -> f.eventId().equals(finding.eventId())) ? this
                : copy(urgings, positions, append(findings, finding), withdrawn);
    }

    /**
     * Marks a retracted fact, once: the recommendation itself (withdrawn from the board), the letter that urged it,
     * a response's position, a position, a finding. The fact stays in the history.
     */
    RecommendationDocument retracting(String retractedEventId, Retraction retraction) {
        if (eventId.equals(retractedEventId)) {
            return withdrawn != null ? this : copy(urgings, positions, findings, retraction);
        }
        return copy(
                mark(urgings, u -> u.eventId().equals(retractedEventId) && u.retracted() == null,
                        u -> new Urging(u.eventId(), u.letterId(), u.urgedOn(), u.position(), u.recordedAt(), retraction)),
                mark(positions, p -> p.eventId().equals(retractedEventId) && p.retracted() == null,
                        p -> new PositionRecord(p.eventId(), p.letterId(), p.responseId(), p.source(), p.position(),
                                p.takenOn(), p.recordedAt(), retraction)),
                mark(findings, f -> f.eventId().equals(retractedEventId) && f.retracted() == null,
                        f -> new Finding(f.eventId(), f.status(), f.assessedOn(), f.evidence(), f.recordedAt(), retraction)),
                withdrawn);
    }

    /** The recommendation as the board showed it at {@code asOf}; null if not yet recorded. */
    public RecommendationState asOf(Instant asOf) {
        if (recordedAt.isAfter(asOf)) {
            return null;
        }
        return RecommendationState.of(this, asOf);
    }

    private RecommendationDocument copy(List<Urging> urgings, List<PositionRecord> positions, List<Finding> findings,
            Retraction withdrawn) {
        return new RecommendationDocument(recommendationId, country, text, mechanism, sources, themes, madeOn, eventId,
                recordedAt, withdrawn, urgings, positions, findings, number);
    }

    private static <T> List<T> append(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }

    private static <T> List<T> mark(List<T> list, Predicate<T> which, UnaryOperator<T> change) {
        return list.stream().map(item -> which.test(item) ? change.apply(item) : item).toList();
    }
}
