package org.followuptracker.command.recommendation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A UN source of a new recommendation, as a request gives it: in {@code POST /api/recommendations} and in a
 * letter's new recommendations ({@code POST /api/letters}).
 */
public record Source(
        @NotBlank @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9/.()\\-]*",
                message = "must be a UN document symbol, such as A/HRC/14/10 or CCPR/C/KAZ/CO/1")
        String symbol,
        @Size(max = 50) String paragraph,
        @Size(max = 60) List<@NotBlank @Size(max = 100) String> recommendingStates) {

    public Source {
        recommendingStates = recommendingStates == null ? List.of() : recommendingStates;
    }
}
