package org.followuptracker.query.timeline;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The text of a recommendation, shortened, for a timeline entry to say which recommendation it is about. */
@Component
class RecommendationTexts {

    private static final int LENGTH = 120;

    private final MongoTemplate mongo;

    RecommendationTexts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    String shortTextOf(String recommendationId) {
        Query query = Query.query(Criteria.where("_id").is(recommendationId));
        query.fields().include("text");
        Document found = mongo.findOne(query, Document.class, "recommendations");
        String text = found == null ? null : found.getString("text");
        if (text == null) {
            return "recommendation " + recommendationId;
        }
        return "\u201c" + (text.length() <= LENGTH ? text : text.substring(0, LENGTH - 1).strip() + "\u2026") + "\u201d";
    }
}
