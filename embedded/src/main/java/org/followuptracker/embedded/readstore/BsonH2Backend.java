package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire server's H2 backend, keeping documents as BSON rather than as serialized Java objects. A file
 * written by the plain backend cannot be read by this one (nor the other way round): {@code InProcessMongo} keeps
 * this one's data under a file name of its own.
 */
public final class BsonH2Backend extends H2Backend {

    /**
     * H2 writes a changed page whole, every document on it, when it commits (every second): with its default page
     * size for files (16 KB, some sixteen documents of ours), writing one document wrote sixteen, and writing pages
     * was half the store's CPU in B2. Pages of 2 KB hold one to three documents.
     */
    static final int PAGE_SPLIT_SIZE = 2 * 1024;
    /**
     * The megabytes of pages H2 keeps read (decoded) in memory. Its default, 16, held a fraction of the read models of
     * the benchmark's base set: a tenth of the store's CPU in B2 went to reading pages back from the file, and
     * decoding them, to look up documents it had just written.
     */
    static final int CACHE_MEGABYTES = 256;

    public BsonH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).pageSplitSize(PAGE_SPLIT_SIZE).cacheSize(CACHE_MEGABYTES).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
