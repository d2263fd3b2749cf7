package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * Documents and values as BSON, with the wire server's own codec, and as H2 keeps them: their length, then their
 * bytes.
 */
final class BsonBytes {

    /**
     * Each thread's buffer to encode into, used again and again: Netty's {@code Unpooled.buffer()} counts every byte
     * array it allocates and frees in shared counters, and grew from 256 bytes by copying; both were 9% of the
     * store's CPU in B2. A buffer grown past {@link #KEPT_CAPACITY} (a document that large is rare) is let go.
     */
    private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);
    private static final int INITIAL_CAPACITY = 16 * 1024;
    private static final int KEPT_CAPACITY = 1024 * 1024;
    /** BSON's type byte of a string. */
    private static final byte STRING = 0x02;

    private BsonBytes() {
    }

    static byte[] of(Map<String, ?> document) {
        return encoded(bson -> BsonEncoder.encodeDocument(document, bson));
    }

    /** The values, each as its BSON type and its value: what a BSON array holds, without the index names. */
    static byte[] ofValues(Iterable<?> values) {
        return encoded(bson -> {
            for (Object value : values) {
                byte type = BsonEncoder.determineType(value);
                bson.writeByte(type);
                BsonEncoder.encodeValue(type, value, bson);
            }
        });
    }

    /** The values {@link #ofValues} encoded, {@link #write written} where {@code buffer} stands. */
    static List<Object> readValues(ByteBuffer buffer) {
        ByteBuf bson = Unpooled.wrappedBuffer(slice(buffer));
        List<Object> values = new ArrayList<>(1);
        while (bson.isReadable()) {
            values.add(BsonDecoder.decodeValue(bson.readByte(), bson));
        }
        return values;
    }

    /**
     * One string as {@link #write} writes {@link #ofValues} of it (its BSON type, its length with the closing zero as
     * four bytes, lowest first, its UTF-8 bytes, a zero), without the wire server's encoder: most keys of the stores'
     * indexes are one string, and encoding them so was a tenth of the store's CPU in a rebuild.
     */
    static void writeString(WriteBuffer buffer, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int length = utf8.length + 1;
        buffer.putVarInt(1 + 4 + length);
        buffer.put(STRING).put((byte) length).put((byte) (length >>> 8)).put((byte) (length >>> 16))
                .put((byte) (length >>> 24)).put(utf8).put((byte) 0);
    }

    /**
     * The string {@link #writeString} (or {@link #ofValues} of one string) wrote where {@code buffer} stands, the
     * buffer then left after it; null, the buffer left where it stood, if what stands there is anything else.
     */
    static String readString(ByteBuffer buffer) {
        int start = buffer.position();
        int size = DataUtils.readVarInt(buffer);
        int at = buffer.position();
        if (size >= 6 && buffer.get(at) == STRING) {
            int length = (buffer.get(at + 1) & 0xff) | (buffer.get(at + 2) & 0xff) << 8
                    | (buffer.get(at + 3) & 0xff) << 16 | (buffer.get(at + 4) & 0xff) << 24;
            if (length == size - 5 && buffer.get(at + size - 1) == 0) {
                byte[] utf8 = new byte[length - 1];
                buffer.position(at + 5);
                buffer.get(utf8);
                buffer.position(at + size);
                return new String(utf8, StandardCharsets.UTF_8);
            }
        }
        buffer.position(start);
        return null;
    }

    static void write(WriteBuffer buffer, byte[] bson) {
        buffer.putVarInt(bson.length);
        buffer.put(bson);
    }

    /** The document {@link #write} wrote where {@code buffer} stands; the buffer is left after it. */
    static Document read(ByteBuffer buffer) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice(buffer)));
    }

    /** What {@link #write} wrote where {@code buffer} stands; the buffer is left after it. */
    private static ByteBuffer slice(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(size);
        buffer.position(buffer.position() + size);
        return bson;
    }

    private static byte[] encoded(Consumer<ByteBuf> encoding) {
        Encoder encoder = ENCODERS.get();
        if (encoder.inUse) {
            // An encoding within an encoding (none now): a buffer of its own.
            return encoded(newBuffer(), encoding);
        }
        encoder.inUse = true;
        try {
            return encoded(encoder.buffer, encoding);
        } finally {
            encoder.inUse = false;
            if (encoder.buffer.capacity() > KEPT_CAPACITY) {
                encoder.buffer = newBuffer();
            }
        }
    }

    private static byte[] encoded(ByteBuf bson, Consumer<ByteBuf> encoding) {
        bson.clear();
        encoding.accept(bson);
        byte[] bytes = new byte[bson.readableBytes()];
        bson.readBytes(bytes);
        return bytes;
    }

    /** Plain heap bytes: neither pooled nor counted. */
    private static ByteBuf newBuffer() {
        return new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, INITIAL_CAPACITY, Integer.MAX_VALUE);
    }

    private static final class Encoder {
        ByteBuf buffer = newBuffer();
        boolean inUse;
    }
}
