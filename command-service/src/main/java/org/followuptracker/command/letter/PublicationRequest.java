package org.followuptracker.command.letter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/letters/{letterId}/publication}: the day the letter was published and, if it is
 * online, where (a web address a reader can open: http or https, no spaces).
 */
public record PublicationRequest(
        @NotNull @PastOrPresent LocalDate publishedOn,
        @Size(max = 2000) @Pattern(regexp = "(?i)https?://[^\\s/?#]+[^\\s]*",
                message = "must be a web address beginning with http:// or https://") String url,
        @Size(max = 500) String source) {
}
