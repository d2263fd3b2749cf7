package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.IdIndexes;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database, its collections' documents kept as BSON ({@link BsonDocumentType}), and the keys of
 * their {@code _id} index ({@link KeyValueType}).
 */
final class BsonH2Database extends H2Database {

    private static final String ID_INDEX = "_id_";

    private final MVStore store;

    BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        // Now that the store is known here: the collections the file holds are opened, as BSON.
        initializeNamespacesAndIndexes();
    }

    /** Not from the backend's constructor, which calls it before this class knows its store; from this one's. */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    /**
     * As the backend opens a unique index, under the same map name; the {@code _id} index's keys kept as BSON
     * ({@link KeyValueType}). Other unique indexes (none of ours) are left as the backend keeps them.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        if (!ID_INDEX.equals(indexName)) {
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
        MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        return IdIndexes.on(map, indexName, keys, sparse);
    }

    /** As the backend opens a collection, under the same map names, but with documents stored as BSON. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
    }
}
