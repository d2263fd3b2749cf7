package org.followuptracker.command.recommendation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/recommendations/{recommendationId}/implementation}. */
public record ImplementationFindingRequest(
        @NotNull ImplementationStatus status,
        @NotNull @PastOrPresent LocalDate assessedOn,
        @NotBlank @Size(max = 20000) String evidence,
        @Size(max = 500) String source) {
}
