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

    public static H2UniqueIndex on(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        return new H2UniqueIndex(map, name, keys, sparse);
    }
}
