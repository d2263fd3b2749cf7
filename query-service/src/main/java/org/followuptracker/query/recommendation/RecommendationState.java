package org.followuptracker.query.recommendation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.store.IsoDays;
import org.followuptracker.query.store.Retraction;

/**
 * A recommendation as known at a moment: how often and when it had been urged, the latest position taken on it,
 * where its implementation stood, and its history up to then (retracted facts shown as retracted).
 */
public record RecommendationState(
        String recommendationId,
        String country,
        String text,
        String mechanism,
        List<UnSource> sources,
        List<String> themes,
        boolean withdrawn,
        int timesUrged,
        String firstUrgedOn,
        int firstUrgedPosition,
        String lastUrgedOn,
        String latestPosition,
        String latestPositionOn,
        String implementationStatus,
        String implementationAssessedOn,
        List<HistoryItem> history) {

    /** Shown as the status of a recommendation no finding was recorded for. */
    public static final String NOT_ASSESSED = "NOT_ASSESSED";

    /** One fact of its history: urged, a position, a finding, or withdrawn. */
    public record HistoryItem(String kind, String on, Instant recordedAt, String eventId, String letterId,
            String responseId, String value, String source, String evidence, boolean retracted, Instant retractedAt) {
    }

    static RecommendationState of(RecommendationDocument doc, Instant asOf) {
        List<RecommendationDocument.Urging> urgings = doc.urgings().stream()
                .filter(u -> standing(u.recordedAt(), u.retracted(), asOf))
                .sorted(Comparator.comparing(RecommendationDocument.Urging::urgedOn, IsoDays.DAY_ORDER)
                        .thenComparing(RecommendationDocument.Urging::position))
                .toList();
        RecommendationDocument.PositionRecord latest = doc.positions().stream()
                .filter(p -> standing(p.recordedAt(), p.retracted(), asOf))
                .max(Comparator.comparing(RecommendationDocument.PositionRecord::takenOn, IsoDays.DAY_ORDER)
                        .thenComparing(RecommendationDocument.PositionRecord::recordedAt))
                .orElse(null);
        RecommendationDocument.Finding finding = doc.findings().stream()
                .filter(f -> standing(f.recordedAt(), f.retracted(), asOf))
                .max(Comparator.comparing(RecommendationDocument.Finding::assessedOn, IsoDays.DAY_ORDER)
                        .thenComparing(RecommendationDocument.Finding::recordedAt))
                .orElse(null);
        return new RecommendationState(doc.recommendationId(), doc.country(), doc.text(), doc.mechanism(), doc.sources(),
                doc.themes(), Retraction.knownAt(doc.withdrawn(), asOf), urgings.size(),
                urgings.isEmpty() ? null : urgings.get(0).urgedOn(),
                urgings.isEmpty() ? 0 : urgings.get(0).position(),
                urgings.isEmpty() ? null : urgings.get(urgings.size() - 1).urgedOn(),
                latest == null ? null : latest.position(), latest == null ? null : latest.takenOn(),
                finding == null ? NOT_ASSESSED : finding.status(), finding == null ? null : finding.assessedOn(),
                history(doc, asOf));
    }

    private static boolean standing(Instant recordedAt, Retraction retracted, Instant asOf) {
        return !recordedAt.isAfter(asOf) && !Retraction.knownAt(retracted, asOf);
    }

    private static List<HistoryItem> history(RecommendationDocument doc, Instant asOf) {
        List<HistoryItem> items = new ArrayList<>();
        for (RecommendationDocument.Urging u : doc.urgings()) {
            if (!u.recordedAt().isAfter(asOf)) {
                items.add(new HistoryItem("URGED", u.urgedOn(), u.recordedAt(), u.eventId(), u.letterId(), null, null,
                        null, null, Retraction.knownAt(u.retracted(), asOf), retractedAt(u.retracted(), asOf)));
            }
        }
        for (RecommendationDocument.PositionRecord p : doc.positions()) {
            if (!p.recordedAt().isAfter(asOf)) {
                items.add(new HistoryItem("POSITION", p.takenOn(), p.recordedAt(), p.eventId(), p.letterId(),
                        p.responseId(), p.position(), p.source(), null, Retraction.knownAt(p.retracted(), asOf),
                        retractedAt(p.retracted(), asOf)));
            }
        }
        for (RecommendationDocument.Finding f : doc.findings()) {
            if (!f.recordedAt().isAfter(asOf)) {
                items.add(new HistoryItem("FINDING", f.assessedOn(), f.recordedAt(), f.eventId(), null, null, f.status(),
                        null, f.evidence(), Retraction.knownAt(f.retracted(), asOf), retractedAt(f.retracted(), asOf)));
            }
        }
        if (Retraction.knownAt(doc.withdrawn(), asOf)) {
            items.add(new HistoryItem("WITHDRAWN", null, doc.withdrawn().recordedAt(), doc.withdrawn().eventId(), null,
                    null, null, null, null, false, null));
        }
        items.sort(Comparator.comparing((HistoryItem item) -> item.on() == null ? "9999" : item.on())
                .thenComparing(HistoryItem::recordedAt));
        return List.copyOf(items);
    }

    private static Instant retractedAt(Retraction retraction, Instant asOf) {
        return Retraction.knownAt(retraction, asOf) ? retraction.recordedAt() : null;
    }
}
