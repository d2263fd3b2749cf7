package org.followuptracker.command.letter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/letters/{letterId}/follow-ups}. */
public record FollowUpRequest(
        @NotNull @PastOrPresent LocalDate sentOn,
        @NotBlank @Size(max = 20000) String summary,
        LocalDate responseDueBy,
        @Size(max = 500) String source) {
}
