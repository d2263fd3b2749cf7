package org.followuptracker.query.store;

import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * Ids that a country's index (of its letters, of its recommendations) held before its latest ones, {@value #IDS} of
 * them, in the order they were added: written once and never again, so that a batch rewrites only the index's head.
 * Its key is the country and the part's number, from 0 ({@link #key}).
 */
public record IndexPart(@Id String key, List<String> ids) {

    /**
     * How many ids a part holds: the head of an index holds fewer. An index counts its ids as its parts times this
     * ({@link CountryIndex#size}), so read models written with another value must be rebuilt.
     */
    public static final int IDS = 32;

    public IndexPart {
        ids = ids == null ? List.of() : ids;
    }

    public static String key(String country, int part) {
        return country + "#" + part;
    }
}
