package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.UniqueIndexes;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, its documents kept under a number counted up as they are added, rather than under
 * their {@code _id} (the {@code _id} index finds a document's number by its id, as it found the id before).
 * <p>
 * Why: H2 writes a changed page whole, every document on it, and most of our ids are random (event ids, letter and
 * recommendation ids). Each new audit entry, applied-event mark or timeline place landed on a page of older ones
 * and had them all written again: in B2 every audit entry was written to the file some 7 times, every mark 14 times,
 * every place 23 times, and writing pages was 40% of the store's CPU. Now a batch's new documents fill the last
 * pages, written once.
 * <p>
 * A document replaced whole by its id (how the query service writes every document) is replaced without the
 * library's general update: see {@link #updateDocuments}.
 */
final class AppendingH2Collection extends H2Collection {

    private final MVMap<Long, Document> documents;
    private final AtomicLong next;

    @SuppressWarnings({"unchecked", "rawtypes"})
    AppendingH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Long, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, (MVMap) documents, meta, cursorRegistry);
        this.documents = documents;
        Long last = documents.lastKey();
        this.next = new AtomicLong(last == null ? 0 : last + 1);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        long position = next.getAndIncrement();
        Document before = documents.putIfAbsent(position, document);
        if (before != null) {
            throw new IllegalStateException("document number " + position + " of " + getFullName() + " is taken");
        }
        return position;
    }

    /**
     * A replacement of one document found by its id ({@code replaceOne({_id: x}, document)}, with or without upsert)
     * puts the new document where the old one was, or adds it; everything else is the library's general update.
     * <p>
     * Why: the general update copies the old document whole to compare it with the new one, copies the replacement
     * whole again, and changes the stored document field by field; for the query service's documents (a timeline
     * part, a country's board, rewritten with each batch that touches them) that was a third of the store's CPU in
     * a rebuild. A replacement keeps the id, so the id index stays as it is; in a collection with another index that
     * keeps keys (a unique one: the server ignores the others), the replacement of a document that is there takes
     * the general path, which keeps that index right, while an absent document is added as an insert adds it, every
     * index checked and kept (the audit, the one collection with such an index, only ever gains documents: a rebuild
     * wrote each of its entries through the general path before, a fifth of the store's CPU). One difference: a
     * replacement with the same content counts as modified ({@code nModified}), where MongoDB would count it as not;
     * nothing here reads that count.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
            boolean isMulti, boolean isUpsert, Oplog oplog) {
        Object id = isMulti ? null : replacedId(selector, updateQuery);
        Index<Object> idIndex = id == null ? null : theIdIndex();
        if (idIndex == null) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        Document replacement = new Document(getIdField(), id);
        for (Map.Entry<String, Object> field : updateQuery.entrySet()) {
            if (!field.getKey().equals(getIdField())) {
                replacement.put(field.getKey(), field.getValue());
            }
        }
        Utils.validateFieldNames(replacement);
        UniqueIndexes.KeyedIndex byKey = id instanceof String && idIndex instanceof UniqueIndexes.KeyedIndex keyed
                ? keyed : null;
        Object position = byKey != null ? byKey.positionOf((String) id) : idIndex.getPosition(replacement);
        boolean anotherIndex = keepsAnotherIndex(idIndex);
        if (position != null && anotherIndex) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        Document result = new Document();
        if (position != null) {
            // The H2 collection's update puts the new document and never reads the old one: not read here.
            handleUpdate(position, null, replacement);
            oplog.handleUpdate(getFullName(), selector, updateQuery, List.of(id));
            result.put("n", 1);
            result.put("nModified", 1);
        } else {
            if (isUpsert) {
                if (byKey != null && !anotherIndex) {
                    // What adding it checks and keeps, done directly: the id is known absent, and the only key kept.
                    byKey.add((String) id, addDocumentInternal(replacement));
                } else {
                    addDocument(replacement);
                }
                result.put("upserted", id);
                oplog.handleInsert(getFullName(), List.of(replacement));
            } else {
                oplog.handleUpdate(getFullName(), selector, updateQuery, List.of());
            }
            result.put("n", 0);
            result.put("nModified", 0);
        }
        return result;
    }

    /**
     * The id of a replacement of one document by its id: the selector is the id alone, a plain value (not an
     * operator, a document or an array), and the update holds no operator and no other id. Otherwise null.
     */
    private Object replacedId(Document selector, Document updateQuery) {
        if (getIdField() == null || selector.size() != 1) {
            return null;
        }
        Object id = selector.get(getIdField());
        if (id == null || id instanceof Map || id instanceof Collection || id.getClass().isArray()) {
            return null;
        }
        for (String key : updateQuery.keySet()) {
            if (key.startsWith("$")) {
                return null;
            }
        }
        Object replacementId = updateQuery.get(getIdField());
        if (replacementId != null && !Objects.equals(id, replacementId)) {
            return null;
        }
        return id;
    }

    /**
     * Whether an index other than the id's keeps keys: one that is not unique keeps none here (the server takes it
     * and ignores it, {@link EmptyIndex}), so a replacement need not take the general path for it. The
     * recommendations' index by country did that, a tenth of the store's CPU in a rebuild.
     */
    private boolean keepsAnotherIndex(Index<Object> idIndex) {
        for (Index<Object> index : getIndexes()) {
            if (index != idIndex && !(index instanceof EmptyIndex)) {
                return true;
            }
        }
        return false;
    }

    /** The collection's index on the id; null if it has none. */
    private Index<Object> theIdIndex() {
        for (Index<Object> index : getIndexes()) {
            if (index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(getIdField())) {
                return index;
            }
        }
        return null;
    }

    /**
     * The collection's data size (what {@code collStats} reports as {@code size}) is not kept: keeping it encoded
     * every document added once more, and every document replaced twice more (before and after), only to count its
     * bytes, and wrote the count to the file each time; that was a sixth of the store's CPU in a rebuild. Nothing
     * here asks for it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
