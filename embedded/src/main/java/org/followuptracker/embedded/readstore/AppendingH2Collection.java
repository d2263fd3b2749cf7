package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
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
}
