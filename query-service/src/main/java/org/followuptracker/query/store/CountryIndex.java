package org.followuptracker.query.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;

/**
 * The documents of one kind a country has (its letters, its recommendations), in the order they were recorded: the
 * key to them. The index holds the latest ids ({@code ids}, fewer than {@value IndexPart#IDS}) and counts the
 * {@code parts} before them ({@link IndexPart}), so that a document added adds to a short document, not to a list of
 * every one. The parts are declared written last before the index that counts them, so a reader who reads the index
 * first finds every part it counts.
 */
public record CountryIndex(@Id String country, List<String> ids, Integer parts) {

    private static final Logger log = LoggerFactory.getLogger(CountryIndex.class);

    public CountryIndex {
        ids = ids == null ? List.of() : ids;
        parts = parts == null ? 0 : parts;
    }

    public static CountryIndex empty(String country) {
        return new CountryIndex(country, List.of(), 0);
    }

    /** How many ids it holds, parts and head. */
    public int size() {
        return parts * IndexPart.IDS + ids.size();
    }

    /**
     * Whether it names a document already, given the {@code number} the document was given when first applied
     * (its place in the index, from 0): exact, without reading the parts.
     */
    public boolean names(int number) {
        return number < size();
    }

    /** With {@code id} added last; when the head fills, its ids are saved to {@code partsCollection} as a part. */
    public CountryIndex with(String id, ReadModel readModel, String partsCollection) {
        List<String> added = new ArrayList<>(ids.size() + 1);
        added.addAll(ids);
        added.add(id);
        if (added.size() < IndexPart.IDS) {
            return new CountryIndex(country, List.copyOf(added), parts);
        }
        String key = IndexPart.key(country, parts);
        readModel.save(partsCollection, key, new IndexPart(key, List.copyOf(added)));
        return new CountryIndex(country, List.of(), parts + 1);
    }

    /**
     * Each country's ids in the order added: those of its parts, read from {@code partsCollection} many at a time,
     * then its head's. A part not found (a read model to check) is left out.
     */
    public static Map<String, List<String>> read(DirectReadModel readModel, String partsCollection,
            Collection<CountryIndex> indexes) {
        List<String> keys = new ArrayList<>();
        indexes.forEach(index -> {
            for (int part = 0; part < index.parts(); part++) {
                keys.add(IndexPart.key(index.country(), part));
            }
        });
        Map<String, List<String>> partIds = new HashMap<>();
        if (!keys.isEmpty()) {
            readModel.findAll(partsCollection, keys, IndexPart.class)
                    .forEach(part -> partIds.put(part.key(), part.ids()));
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        indexes.forEach(index -> {
            List<String> all = new ArrayList<>(index.size());
            for (int part = 0; part < index.parts(); part++) {
                List<String> found = partIds.get(IndexPart.key(index.country(), part));
                if (found != null) {
                    all.addAll(found);
                } else {
                    // Each part is written before the index that counts it: this is a read model to check.
                    log.warn("{}: the index of {} counts part {}, which is not in the read models", partsCollection,
                            index.country(), part);
                }
            }
            all.addAll(index.ids());
            ids.put(index.country(), all);
        });
        return ids;
    }
}
