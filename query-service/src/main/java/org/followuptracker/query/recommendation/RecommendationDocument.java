package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.followuptracker.events.UnSource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recommendation on the board: what it says, who made it, every letter that urged it, every position taken on
 * it and every finding on its implementation. The summary fields are derived from those lists, so applying an
 * event a second time (which adds nothing to a list) changes nothing.
 */
@Document("recommendations")
public record RecommendationDocument(
        @Id String recommendationId,
        @Indexed String country,
        String text,
        String mechanism,
        List<UnSource> sources,
        List<String> themes,
        List<Urging> urgings,
        List<PositionRecord> positions,
        List<Finding> findings,
        List<String> retractedFacts,
        boolean withdrawn,
        int timesUrged,
        String firstUrgedOn,
        int firstUrgedPosition,
        String lastUrgedOn,
        String latestPosition,
        String implementationStatus) {

    public RecommendationDocument {
        retractedFacts = retractedFacts == null ? List.of() : retractedFacts;
        themes = themes == null ? List.of() : themes;
    }

    /** A letter that urged the recommendation, when it was sent, and where in the letter the recommendation stands. */
    public record Urging(String eventId, String letterId, String urgedOn, int position) {
    }

    /**
     * A position the government took on it, on a day: in a response to a letter (letterId, responseId), or as a
     * document shows it (source).
     */
    public record PositionRecord(String eventId, String letterId, String responseId, String source, String position,
            String takenOn, Instant recordedAt) {
    }

    /** What was found of its implementation, on a day, on what evidence. */
    public record Finding(String eventId, String status, String assessedOn, String evidence, Instant recordedAt) {
    }

    static RecommendationDocument recorded(String recommendationId, String country, String text, String mechanism,
            List<UnSource> sources, List<String> themes) {
        return new RecommendationDocument(recommendationId, country, text, mechanism, sources, themes, List.of(),
                List.of(), List.of(), List.of(), false, 0, null, 0, null, null, null).derived();
    }

    RecommendationDocument withUrging(Urging urging) {
        if (retractedFacts.contains(urging.eventId()) || urgings.stream().anyMatch(u -> u.letterId().equals(urging.letterId()))) {
            return this;
        }
        return with(append(urgings, urging), positions, findings);
    }

    RecommendationDocument withPosition(PositionRecord position) {
        if (retractedFacts.contains(position.eventId()) || positions.stream().anyMatch(p -> p.eventId().equals(position.eventId()))) {
            return this;
        }
        return with(urgings, append(positions, position), findings);
    }

    RecommendationDocument withFinding(Finding finding) {
        if (retractedFacts.contains(finding.eventId()) || findings.stream().anyMatch(f -> f.eventId().equals(finding.eventId()))) {
            return this;
        }
        return with(urgings, positions, append(findings, finding));
    }

    /**
     * Undoes a retracted fact: the recommendation itself (withdrawn), the letter that urged it, a position, a finding.
     * Remembered, so that the fact delivered again is not applied again.
     */
    RecommendationDocument without(String retractedEventId) {
        if (retractedFacts.contains(retractedEventId)) {
            return this;
        }
        return new RecommendationDocument(recommendationId, country, text, mechanism, sources, themes,
                urgings.stream().filter(u -> !retractedEventId.equals(u.eventId())).toList(),
                positions.stream().filter(p -> !retractedEventId.equals(p.eventId())).toList(),
                findings.stream().filter(f -> !retractedEventId.equals(f.eventId())).toList(),
                append(retractedFacts, retractedEventId), withdrawn, 0, null, 0, null, null, null).derived();
    }

    /** The recommendation itself was retracted: it leaves the board, its history stays. */
    RecommendationDocument withdrawn(String retractedEventId) {
        if (retractedFacts.contains(retractedEventId)) {
            return this;
        }
        return new RecommendationDocument(recommendationId, country, text, mechanism, sources, themes, urgings,
                positions, findings, append(retractedFacts, retractedEventId), true, 0, null, 0, null, null, null)
                .derived();
    }

    private RecommendationDocument with(List<Urging> urgings, List<PositionRecord> positions, List<Finding> findings) {
        return new RecommendationDocument(recommendationId, country, text, mechanism, sources, themes, urgings,
                positions, findings, retractedFacts, withdrawn, 0, null, 0, null, null, null).derived();
    }

    /** The summary fields, from the lists. */
    private RecommendationDocument derived() {
        List<Urging> inOrder = urgings.stream()
                .sorted(Comparator.comparing(Urging::urgedOn).thenComparing(Urging::position))
                .toList();
        String latestPosition = positions.stream()
                .max(Comparator.comparing(PositionRecord::takenOn).thenComparing(PositionRecord::recordedAt))
                .map(PositionRecord::position)
                .orElse(null);
        String implementationStatus = findings.stream()
                .max(Comparator.comparing(Finding::assessedOn).thenComparing(Finding::recordedAt))
                .map(Finding::status)
                .orElse(null);
        return new RecommendationDocument(recommendationId, country, text, mechanism, sources, themes, urgings,
                positions, findings, retractedFacts == null ? List.of() : retractedFacts, withdrawn, urgings.size(),
                inOrder.isEmpty() ? null : inOrder.get(0).urgedOn(),
                inOrder.isEmpty() ? 0 : inOrder.get(0).position(),
                inOrder.isEmpty() ? null : inOrder.get(inOrder.size() - 1).urgedOn(), latestPosition, implementationStatus);
    }

    private static <T> List<T> append(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }
}
