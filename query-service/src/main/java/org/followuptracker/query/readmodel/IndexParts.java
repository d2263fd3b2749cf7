package org.followuptracker.query.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A country's index kept as a head and earlier parts ({@link IndexPart}): how ids are added to it, and how readers
 * read it whole. The head holds the ids added last, fewer than {@value IndexPart#IDS}; when it fills, its ids become
 * the next part. The parts are written before the head that counts them (they come first in
 * {@link ReadModelLayout}), so a reader who reads the head first finds every part it counts.
 */
public final class IndexParts {

    private static final Logger log = LoggerFactory.getLogger(IndexParts.class);

    private IndexParts() {
    }

    /** A country's ids, without those in its parts: {@code parts} earlier parts, then {@code head}. */
    public record Head(int parts, List<String> head) {

        /** How many ids the index holds, parts and head. */
        public int size() {
            return parts * IndexPart.IDS + head.size();
        }

        /**
         * Whether it names a document already, given the {@code number} the document was given when first applied
         * (its place in the index, from 0): exact, without reading the parts.
         */
        public boolean names(int number) {
            return number < size();
        }

        /**
         * With {@code id} added last. Once the head holds {@value IndexPart#IDS} ids, they are saved to
         * {@code partsCollection} as a part, and the head starts again.
         */
        public Head with(String id, ReadModel readModel, String partsCollection, String country) {
            List<String> ids = new ArrayList<>(head.size() + 1);
            ids.addAll(head);
            ids.add(id);
            int part = parts;
            int from = 0;
            for (; ids.size() - from >= IndexPart.IDS; from += IndexPart.IDS, part++) {
                String key = IndexPart.key(country, part);
                List<String> partIds = List.copyOf(ids.subList(from, from + IndexPart.IDS));
                readModel.save(partsCollection, key, new IndexPart(key, partIds));
            }
            return new Head(part, List.copyOf(ids.subList(from, ids.size())));
        }
    }

    /**
     * Each country's ids in the order added: those of its parts, read from {@code partsCollection} many at a time,
     * then its head's. A part not found (a read model to check) is left out.
     */
    public static Map<String, List<String>> read(DirectReadModel readModel, String partsCollection,
            Map<String, Head> heads) {
        List<String> keys = new ArrayList<>();
        heads.forEach((country, head) -> {
            for (int part = 0; part < head.parts(); part++) {
                keys.add(IndexPart.key(country, part));
            }
        });
        Map<String, List<String>> partIds = new HashMap<>();
        if (!keys.isEmpty()) {
            readModel.findAll(partsCollection, keys, IndexPart.class)
                    .forEach(part -> partIds.put(part.key(), part.ids()));
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        heads.forEach((country, head) -> {
            List<String> all = new ArrayList<>(head.size());
            for (int part = 0; part < head.parts(); part++) {
                List<String> found = partIds.get(IndexPart.key(country, part));
                if (found != null) {
                    all.addAll(found);
                } else {
                    // Each part is written before the head that counts it: this is a read model to check.
                    log.warn("{}: the index of {} counts part {}, which is not in the read models", partsCollection,
                            country, part);
                }
            }
            all.addAll(head.head());
            ids.put(country, all);
        });
        return ids;
    }
}
