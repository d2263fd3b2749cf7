package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
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
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            averageSize = (size + 15 * averageSize) / 16;
            buffer.putVarInt(size);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        // Also from what is read: after a restart, a collection only read is otherwise sized as of the first guess.
        averageSize = (size + 15 * averageSize) / 16;
        ByteBuffer bson = buffer.slice();
        bson.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
