package org.followuptracker.command.retraction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST .../retractions}: which fact (its event id, as the timeline shows it) and why. */
public record RetractionRequest(
        @NotBlank @Size(max = 64) String eventId,
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 500) String source) {
}
