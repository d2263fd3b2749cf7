package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * Opens the H2 backend's unique index on a map the caller opened (with key types of its own): the index's
 * constructor is visible in this package only. Part of the Follow-up Tracker's embedded read store
 * ({@code org.followuptracker.embedded.readstore}), not of the library.
 */
public final class UniqueIndexes {

    private UniqueIndexes() {
    }

    public static KeyedIndex on(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        return new KeyedIndex(map, name, keys, sparse);
    }

    /**
     * The backend's unique index, also looked up and added to by a key that is one string (an id, in an index on
     * {@code _id}): a string is kept as it is, so its key needs no working out from a document. The library works it
     * out, through several streams, three times for each document it adds (a fifth of the store's CPU in a rebuild).
     */
    public static final class KeyedIndex extends H2UniqueIndex {

        KeyedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(map, name, keys, sparse);
        }

        /** Where the document whose key is {@code key} is, or null if none is. */
        public Object positionOf(String key) {
            return getPosition(new KeyValue(key));
        }

        /** Adds the key of a document just put at {@code position}; the key must be new. */
        public void add(String key, Object position) {
            if (!putKeyPosition(new KeyValue(key), position)) {
                throw new IllegalStateException("key " + key + " of " + getName() + " is taken");
            }
        }
    }
}
