package org.followuptracker.command.letter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.command.input.Iso3Country;
import org.followuptracker.command.recommendation.Source;
import org.followuptracker.events.Mechanism;

/** The body of {@code POST /api/letters}. */
public record SendLetterRequest(
        @NotBlank @Iso3Country String country,
        @Size(max = 200) String reference,
        @NotNull @PastOrPresent LocalDate sentOn,
        @NotBlank @Size(max = 300) String sender,
        @NotBlank @Size(max = 300) String recipient,
        @NotBlank @Size(max = 1000) String subject,
        @Size(max = 50) List<@NotBlank @Size(max = 300) String> copiedTo,
        LocalDate responseDueBy,
        @NotEmpty @Size(max = 500) List<@NotNull @Valid UrgedRecommendation> recommendations,
        @Size(max = 500) String source) {

    public SendLetterRequest {
        copiedTo = copiedTo == null ? List.of() : copiedTo;
    }

    /**
     * One recommendation the letter urges: either {@code {"recommendationId"}}, one the tracker already knows, or
     * {@code {"text", "sources"}}, a new one; its {@code mechanism}, when not given, is the one its sources show, or
     * {@code NGO} (our own ask) when they show none.
     */
    public record UrgedRecommendation(
            @Size(max = 64) String recommendationId,
            @Size(max = 20000) String text,
            Mechanism mechanism,
            @Size(max = 30) List<@NotNull @Valid Source> sources,
            @Size(max = 30) List<@NotBlank @Size(max = 200) String> themes) {

        public UrgedRecommendation {
            sources = sources == null ? List.of() : sources;
            themes = themes == null ? List.of() : themes;
        }

        boolean isNew() {
            return recommendationId == null;
        }
    }
}
