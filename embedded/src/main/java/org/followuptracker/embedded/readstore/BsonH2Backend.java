package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB-wire server's H2 backend, keeping documents as BSON rather than as serialized Java objects. A file
 * written by the plain backend cannot be read by this one (nor the other way round): {@code InProcessMongo} keeps
 * this one's data under a file name of its own.
 */
public final class BsonH2Backend extends H2Backend {

    public BsonH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
