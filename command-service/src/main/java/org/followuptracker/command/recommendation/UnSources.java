package org.followuptracker.command.recommendation;

import java.util.List;
import org.followuptracker.events.UnSource;

/** UN sources as a request gives them, tidied: trimmed, a blank paragraph is none. */
public final class UnSources {

    private UnSources() {
    }

    public static List<UnSource> of(List<Source> sources) {
        return sources.stream()
                .map(s -> new UnSource(s.symbol().strip(),
                        s.paragraph() == null || s.paragraph().isBlank() ? null : s.paragraph().strip(),
                        s.recommendingStates().stream().map(String::strip).toList()))
                .toList();
    }
}
