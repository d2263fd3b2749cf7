package org.followuptracker.query.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.followuptracker.query.store.IsoDays;
import org.springframework.data.annotation.Id;

/** Which months of a country's timeline hold entries, how many, in how many parts: the key to its pages. */
public record TimelineIndex(@Id String country, List<MonthCount> months) {

    public static final String COLLECTION = "timeline_index";

    public TimelineIndex {
        months = months == null ? List.of() : months;
    }

    /** {@code parts}: how many parts the month's entries are kept in ({@link TimelineMonth}). */
    public record MonthCount(String month, int entries, Integer parts) {

        public MonthCount {
            parts = parts == null ? 1 : parts;
        }

        /** The keys of the month's parts, first to last. */
        public List<String> keys(String country) {
            List<String> keys = new ArrayList<>(parts);
            for (int part = 0; part < parts; part++) {
                keys.add(TimelineMonth.key(country, month, part));
            }
            return keys;
        }
    }

    public int entries() {
        return months.stream().mapToInt(MonthCount::entries).sum();
    }

    /** The month's count, or null if it holds no entries yet. */
    MonthCount month(String month) {
        return months.stream().filter(m -> m.month().equals(month)).findFirst().orElse(null);
    }

    /**
     * The index with {@code month} now holding {@code entries} entries in {@code parts} parts (set, not added: applying
     * again is harmless).
     */
    TimelineIndex with(String month, int entries, int parts) {
        List<MonthCount> changed = new ArrayList<>(months.stream().filter(m -> !m.month().equals(month)).toList());
        changed.add(new MonthCount(month, entries, parts));
        changed.sort(Comparator.comparing(MonthCount::month, IsoDays.MONTH_ORDER));
        return new TimelineIndex(country, List.copyOf(changed));
    }
}
