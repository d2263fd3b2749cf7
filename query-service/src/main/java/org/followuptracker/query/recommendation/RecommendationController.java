package org.followuptracker.query.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.web.CountryCode;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The board: the recommendations made to a country, how often we urged each, and where each stands. */
@RestController
class RecommendationController {

    private final MongoTemplate mongo;

    RecommendationController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Operation(summary = "The recommendations made to a country (or to all), with how often each was urged, "
            + "the latest position taken on it and its implementation status")
    @GetMapping("/api/recommendations")
    List<RecommendationView> board(@RequestParam(required = false) String country) {
        Query query = new Query(Criteria.where("withdrawn").ne(true));
        if (country != null) {
            query.addCriteria(Criteria.where("country").is(CountryCode.parse("country", country)));
        }
        // As the letters list them: by the day first urged, then by place in that letter.
        query.with(Sort.by("country", "firstUrgedOn", "firstUrgedPosition", "_id"));
        return mongo.find(query, RecommendationDocument.class).stream().map(RecommendationView::of).toList();
    }

    /** One recommendation as a reader sees it on the board. */
    record RecommendationView(
            String recommendationId,
            String country,
            String text,
            String mechanism,
            List<UnSource> sources,
            List<String> themes,
            int timesUrged,
            String firstUrgedOn,
            String lastUrgedOn,
            String latestPosition,
            String implementationStatus) {

        static RecommendationView of(RecommendationDocument doc) {
            return new RecommendationView(doc.recommendationId(), doc.country(), doc.text(), doc.mechanism(),
                    doc.sources(), doc.themes() == null ? List.of() : doc.themes(),
                    doc.timesUrged(), doc.firstUrgedOn(), doc.lastUrgedOn(), doc.latestPosition(),
                    doc.implementationStatus());
        }
    }
}
