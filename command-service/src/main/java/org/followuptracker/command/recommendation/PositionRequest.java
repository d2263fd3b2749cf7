package org.followuptracker.command.recommendation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.followuptracker.events.Position;

/** The body of {@code POST /api/recommendations/{recommendationId}/positions}. */
public record PositionRequest(
        @NotNull Position position,
        @NotNull @PastOrPresent LocalDate takenOn,
        @NotBlank @Size(max = 500) String source) {
}
