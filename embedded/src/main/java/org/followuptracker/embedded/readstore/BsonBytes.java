package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/** A document as BSON, with the wire server's own codec, and as H2 keeps it: its length, then its bytes. */
final class BsonBytes {

    private BsonBytes() {
    }

    static byte[] of(Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    static void write(WriteBuffer buffer, byte[] bson) {
        buffer.putVarInt(bson.length);
        buffer.put(bson);
    }

    /** The document {@link #write} wrote where {@code buffer} stands; the buffer is left after it. */
    static Document read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
