package org.followuptracker.query.timeline;

import org.followuptracker.query.store.ReadModel;
import org.followuptracker.query.recommendation.RecommendationDocument;
import org.springframework.stereotype.Component;

/** The text of a recommendation, shortened, for a timeline entry to say which recommendation it is about. */
@Component
class RecommendationTexts {

    private static final int LENGTH = 120;

    String shortTextOf(ReadModel readModel, String recommendationId) {
        RecommendationDocument found = readModel.find(RecommendationDocument.COLLECTION, recommendationId,
                RecommendationDocument.class);
        String text = found == null ? null : found.text();
        if (text == null) {
            return "recommendation " + recommendationId;
        }
        return "\u201c" + (text.length() <= LENGTH ? text : text.substring(0, LENGTH - 1).strip() + "\u2026") + "\u201d";
    }
}
