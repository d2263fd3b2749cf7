package org.followuptracker.embedded.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** The _id index's keys: read back as written, and ordered as MongoDB orders values, consistently with equality. */
class KeyValueTypeTest {

    private final KeyValueType type = new KeyValueType();

    @Test
    void keysReadBackAsWritten() {
        List<KeyValue> keys = List.of(new KeyValue("KAZ"), new KeyValue("4f1c9a60-1e2b-4c55-9a1d-0c7e5b1f0a11"),
                new KeyValue(42L), new KeyValue("KAZ:2013-01"), new KeyValue("a", 7));
        WriteBuffer buffer = new WriteBuffer();
        keys.forEach(key -> type.write(buffer, key));
        ByteBuffer written = buffer.getBuffer();
        written.flip();

        List<KeyValue> read = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            read.add(type.read(written));
        }

        assertThat(read).isEqualTo(keys);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void keysAreOrderedAsMongoDbOrdersValuesAndEqualOnlyWhenEqual() {
        assertThat(type.compare(new KeyValue("ARM"), new KeyValue("KAZ"))).isNegative();
        assertThat(type.compare(new KeyValue("KAZ"), new KeyValue("KAZ:2013-01"))).isNegative();
        assertThat(type.compare(new KeyValue("KAZ"), new KeyValue("KAZ"))).isZero();
        // Numbers before strings, as in MongoDB.
        assertThat(type.compare(new KeyValue(42L), new KeyValue("42"))).isNegative();
        assertThat(type.compare(new KeyValue("a"), new KeyValue("a", 7))).isNegative();
        assertThat(type.compare(new KeyValue("a", 7), new KeyValue("a"))).isPositive();
    }
}
