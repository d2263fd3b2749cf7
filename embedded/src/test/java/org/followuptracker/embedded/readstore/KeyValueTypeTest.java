package org.followuptracker.embedded.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** A unique index's keys: read back as written, and ordered as MongoDB orders values, consistently with equality. */
class KeyValueTypeTest {

    private final KeyValueType type = new KeyValueType();

    @Test
    void keysReadBackAsWritten() {
        List<KeyValue> keys = List.of(new KeyValue("KAZ"), new KeyValue("4f1c9a60-1e2b-4c55-9a1d-0c7e5b1f0a11"),
                new KeyValue(42L), new KeyValue("KAZ:2013-01"), new KeyValue("a", 7), new KeyValue("KAZ", 12.0),
                new KeyValue("a", null), new KeyValue("Kazakhstan \u2013 \u201cOPCAT\u201d"));
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

    @Test
    void idsAreOrderedAsTheWireServerOrdersStrings() {
        List<String> ids = List.of("KAZ", "kaz", "Z", "a", "", "KAZ:2013-01", "\u00e9t\u00e9", "\u2013", "\uD83D\uDE00",
                "4f1c9a60-1e2b-4c55-9a1d-0c7e5b1f0a11", "10", "9");
        ValueComparator server = ValueComparator.asc();
        for (String a : ids) {
            for (String b : ids) {
                assertThat(Integer.signum(type.compare(new KeyValue(a), new KeyValue(b))))
                        .as("%s against %s", a, b).isEqualTo(Integer.signum(server.compare(a, b)));
            }
        }
    }

    @Test
    void aKeyOfOneStringIsWrittenAsTheWireServersEncoderWritesIt() {
        // Files written before the shortcut for one string hold what the wire server's encoder wrote: the same bytes.
        for (String id : List.of("KAZ", "", "4f1c9a60-1e2b-4c55-9a1d-0c7e5b1f0a11", "\u00e9t\u00e9 \u2013 \uD83D\uDE00",
                "x".repeat(70_000))) {
            WriteBuffer shortcut = new WriteBuffer();
            type.write(shortcut, new KeyValue(id));
            WriteBuffer general = new WriteBuffer();
            BsonBytes.write(general, BsonBytes.ofValues(List.of(id)));

            assertThat(bytes(shortcut)).as(id.length() > 40 ? "a long id" : id).isEqualTo(bytes(general));
            ByteBuffer written = shortcut.getBuffer();
            written.flip();
            assertThat(BsonBytes.readValues(written)).containsExactly(id);
        }
    }

    @Test
    void aKeyOfAnythingElseIsNotReadAsAString() {
        WriteBuffer buffer = new WriteBuffer();
        List<KeyValue> keys = List.of(new KeyValue(7), new KeyValue("a", "b"), new KeyValue((Object) null),
                new KeyValue("KAZ"));
        keys.forEach(key -> type.write(buffer, key));
        ByteBuffer written = buffer.getBuffer();
        written.flip();

        assertThat(List.of(type.read(written), type.read(written), type.read(written), type.read(written)))
                .isEqualTo(keys);
    }

    private static byte[] bytes(WriteBuffer buffer) {
        ByteBuffer written = buffer.getBuffer().duplicate();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    @Test
    void keysOfSeveralValuesAreOrderedAsTheWireServerOrdersTheirValues() {
        // The audit's keys (country, position), and values of mixed types, which the shortcuts leave to the server.
        List<KeyValue> keys = List.of(new KeyValue("KAZ", 1L), new KeyValue("KAZ", 12L), new KeyValue("KAZ", -3L),
                new KeyValue("KAZ", Long.MAX_VALUE), new KeyValue("ARM", 12L), new KeyValue("kaz", 1L),
                new KeyValue("KAZ", 12), new KeyValue("KAZ", 12.5), new KeyValue("KAZ", 7), new KeyValue(5L, "KAZ"),
                new KeyValue(5, "KAZ"), new KeyValue("\u00e9t\u00e9", 2L), new KeyValue("KAZ", "12"));
        ValueComparator server = ValueComparator.asc();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int expected = 0;
                for (int i = 0; i < a.size() && expected == 0; i++) {
                    expected = server.compare(a.get(i), b.get(i));
                }
                if (expected != 0) {
                    assertThat(Integer.signum(type.compare(a, b))).as("%s against %s", a, b)
                            .isEqualTo(Integer.signum(expected));
                } else {
                    // The same to MongoDB (12 and 12L): ordered all the same, one way, and equal only when equal.
                    assertThat(type.compare(a, b)).as("%s against %s", a, b).isEqualTo(-type.compare(b, a));
                    assertThat(type.compare(a, b) == 0).as("%s against %s", a, b).isEqualTo(a.equals(b));
                }
            }
        }
    }
}
