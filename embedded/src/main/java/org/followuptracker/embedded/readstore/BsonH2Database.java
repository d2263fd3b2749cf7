package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.UniqueIndexes;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.LongDataType;

/**
 * The H2 backend's database, its collections' documents kept as BSON ({@link BsonDocumentType}) in the order they
 * were added ({@link AppendingH2Collection}), and the keys of their unique indexes ({@link KeyValueType}).
 */
final class BsonH2Database extends H2Database {

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
     * As the backend opens a unique index, under the same map name; its keys kept as BSON ({@link KeyValueType}).
     * Every collection's {@code _id} index, and the audit's (country, position): kept as the backend keeps them, each
     * lookup and each insert Java-serialized keys some fifteen times to compare them (14% of the store's CPU in B2).
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVMap<KeyValue, Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        return UniqueIndexes.on(map, indexName, keys, sparse);
    }

    /**
     * As the backend opens a collection, under the same map names, but with documents stored as BSON, under the number
     * of their adding ({@link AppendingH2Collection}).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Long, Document> documents = store.openMap("databases." + namespace,
                new MVMap.Builder<Long, Document>().keyType(LongDataType.INSTANCE)
                        .valueType(new BsonDocumentType()));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new AppendingH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
    }
}
