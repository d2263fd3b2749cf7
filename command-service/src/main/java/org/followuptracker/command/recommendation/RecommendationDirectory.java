package org.followuptracker.command.recommendation;

import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.RecommendationRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which recommendations exist and to which country each was made, so that a letter can urge a known one. Kept
 * up to date in the same transaction as the events.
 */
@Component
@ProcessingGroup(RecommendationDirectory.PROCESSING_GROUP)
public class RecommendationDirectory {

    public static final String PROCESSING_GROUP = "recommendation-directory";

    private final JdbcTemplate jdbc;

    RecommendationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> countryOf(String recommendationId) {
        return jdbc.queryForList("SELECT country FROM recommendation_directory WHERE recommendation_id = ?",
                String.class, recommendationId).stream().findFirst();
    }

    /**
     * A retracted recommendation can no longer be urged, and an import may record its annotation anew.
     */
    @EventHandler
    void on(FactRetracted event) {
        if (event.retractedType().equals("RecommendationRecorded")) {
            jdbc.update("DELETE FROM recommendation_directory WHERE recommendation_id = ?", event.aggregateId());
            jdbc.update("DELETE FROM imported_annotation WHERE recommendation_id = ?", event.aggregateId());
        }
    }

    @EventHandler
    void on(RecommendationRecorded event) {
        jdbc.update("INSERT INTO recommendation_directory (recommendation_id, country) VALUES (?, ?)",
                event.recommendationId(), event.country());
    }
}
