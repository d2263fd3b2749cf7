package org.followuptracker.embedded.readstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the keys of a unique index ({@code _id}, and the audit's) are kept in the H2 file: as BSON, compared value by
 * value in MongoDB's order. H2's fallback for them (the wire server's KeyValue, which is not Comparable) serializes
 * both keys with Java serialization for every comparison, some fifteen of them for each document looked up or written.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.asc();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a.size() == 1 && b.size() == 1 && a.get(0) instanceof String x && b.get(0) instanceof String y) {
            // Most keys: one string (an id), ordered as the comparator below orders strings.
            return x.compareTo(y);
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int byValue = compareValues(a.get(i), b.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        int bySize = Integer.compare(a.size(), b.size());
        if (bySize != 0 || a.equals(b)) {
            return bySize;
        }
        // The same to MongoDB, not equal here: ordered all the same, and the same way every time.
        return Arrays.compare(bson(a), bson(b));
    }

    /**
     * Two values in MongoDB's order: the audit's keys (a country and a position) compared directly when both are
     * strings or both longs, as the comparator orders them; through the comparator they were a tenth of the store's CPU
     * in a rebuild, every audit entry added compared some twenty times.
     */
    private static int compareValues(Object x, Object y) {
        if (x instanceof String a && y instanceof String b) {
            return a.compareTo(b);
        }
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        if (x instanceof Integer a && y instanceof Integer b) {
            return Integer.compare(a, b);
        }
        return VALUES.compare(x, y);
    }

    @Override
    public int getMemory(KeyValue key) {
        return 64;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String id) {
            BsonBytes.writeString(buffer, id);
        } else {
            BsonBytes.write(buffer, bson(key));
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        String id = BsonBytes.readString(buffer);
        return id != null ? new KeyValue(id) : new KeyValue(BsonBytes.readValues(buffer));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    private static byte[] bson(KeyValue key) {
        return BsonBytes.ofValues(key);
    }
}
