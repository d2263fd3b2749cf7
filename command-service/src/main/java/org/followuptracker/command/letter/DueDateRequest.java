package org.followuptracker.command.letter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The body of {@code POST /api/letters/{letterId}/due-date}: a null {@code responseDueBy} withdraws it. */
public record DueDateRequest(
        LocalDate responseDueBy,
        @NotNull @PastOrPresent LocalDate changedOn,
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 500) String source) {
}
