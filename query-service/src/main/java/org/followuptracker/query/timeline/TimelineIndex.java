package org.followuptracker.query.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;

/** Which months of a country's timeline hold entries, and how many: the key to its pages. */
public record TimelineIndex(@Id String country, List<MonthCount> months) {

    public static final String COLLECTION = "timeline_index";

    public TimelineIndex {
        months = months == null ? List.of() : months;
    }

    public record MonthCount(String month, int entries) {
    }

    public int entries() {
        return months.stream().mapToInt(MonthCount::entries).sum();
    }

    /** The index with {@code month} now holding {@code entries} entries (set, not added: applying again is harmless). */
    TimelineIndex with(String month, int entries) {
        List<MonthCount> changed = new ArrayList<>(months.stream().filter(m -> !m.month().equals(month)).toList());
        changed.add(new MonthCount(month, entries));
        changed.sort(Comparator.comparing(MonthCount::month));
        return new TimelineIndex(country, List.copyOf(changed));
    }
}
