package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the wire server's documents are kept in the H2 file: as BSON, with the server's own codec (the one it reads
 * and writes the wire with), instead of H2's fallback for classes it does not know, Java serialization, which cost
 * the read store most of its CPU (a document is written again whenever it changes). One instance per collection:
 * the memory H2 accounts a document, to size its pages, is that collection's running average of what it wrote and
 * read, as H2's own does (a race may lose an update to it: it is an estimate).
 */
final class BsonDocumentType extends BasicDataType<Document> {

    private volatile int averageSize = 1024;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = BsonBytes.of(document);
        averageSize = (bson.length + 15 * averageSize) / 16;
        BsonBytes.write(buffer, bson);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        Document document = BsonBytes.read(buffer);
        // Also from what is read: after a restart, a collection only read is otherwise sized as of the first guess.
        averageSize = (buffer.position() - start + 15 * averageSize) / 16;
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
