package org.followuptracker.command.recommendation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.command.input.Iso3Country;
import org.followuptracker.events.Mechanism;

/** The body of {@code POST /api/recommendations}: a recommendation recorded before, or without, a letter. */
public record RecordRecommendationRequest(
        @NotBlank @Iso3Country String country,
        @NotBlank @Size(max = 20000) String text,
        @NotNull Mechanism mechanism,
        @Size(max = 30) List<@NotNull @Valid Source> sources,
        @Size(max = 30) List<@NotBlank @Size(max = 200) String> themes,
        @PastOrPresent LocalDate madeOn,
        @Size(max = 500) String source) {

    public RecordRecommendationRequest {
        sources = sources == null ? List.of() : sources;
        themes = themes == null ? List.of() : themes;
    }
}
