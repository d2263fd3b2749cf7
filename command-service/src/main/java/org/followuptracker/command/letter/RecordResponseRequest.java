package org.followuptracker.command.letter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.Position;

/** The body of {@code POST /api/letters/{letterId}/responses}. */
public record RecordResponseRequest(
        @NotNull @PastOrPresent LocalDate receivedOn,
        @NotBlank @Size(max = 300) String from,
        @Size(max = 20000) String summary,
        @Size(max = 500) List<@NotNull @Valid PositionOn> positions,
        @Size(max = 500) String source) {

    public RecordResponseRequest {
        positions = positions == null ? List.of() : positions;
    }

    /** The position the response takes on one recommendation the letter urged. */
    public record PositionOn(
            @NotBlank @Size(max = 64) String recommendationId,
            @NotNull Position position) {
    }
}
