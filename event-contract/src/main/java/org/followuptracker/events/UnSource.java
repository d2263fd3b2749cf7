package org.followuptracker.events;

import java.util.List;

/**
 * Where the UN made a recommendation: a document symbol such as {@code A/HRC/14/10} or {@code CCPR/C/KAZ/CO/1},
 * the paragraph or recommendation number in it ({@code 95.42}, {@code 8}), and the states that recommended it
 * (UPR only; empty for treaty bodies and special procedures).
 */
public record UnSource(String symbol, String paragraph, List<String> recommendingStates) {

    public UnSource {
        recommendingStates = recommendingStates == null ? List.of() : List.copyOf(recommendingStates);
    }
}
