package org.followuptracker.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The ids of one country's events and their digest: SHA-256 over the ids in ascending order (as Java compares
 * strings), each followed by a line feed. The command service digests the country's events in its event store so,
 * and the query service the events of the country's audit chain, so that an auditor can see whether the two agree.
 * Ascending, not in the chain's order: the order the relay sends a country's events in, which the chain follows, is
 * not always the order of their global index in the event store (a transaction that took an earlier index can
 * commit after a later one).
 * <p>
 * An id in Axon's form (a UUID in lower case, as string order and the UUID's unsigned value then agree) is kept as
 * two numbers: a million ids take 16 MB; only while they are listed in order are one country's made objects.
 */
public final class CountryEventIds {

    /** Ascending by unsigned value: for UUIDs in their canonical lower-case form, the order of their strings. */
    private static final Comparator<UUID> ASCENDING = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private long[] uuids = new long[32];
    private int uuidCount;
    /** Ids in any other form (none that Axon makes): kept as they are. */
    private final List<String> others = new ArrayList<>();

    public void add(String eventId) {
        UUID uuid = canonical(eventId);
        if (uuid == null) {
            others.add(eventId);
            return;
        }
        if (2 * uuidCount == uuids.length) {
            uuids = Arrays.copyOf(uuids, uuids.length * 2);
        }
        uuids[2 * uuidCount] = uuid.getMostSignificantBits();
        uuids[2 * uuidCount + 1] = uuid.getLeastSignificantBits();
        uuidCount++;
    }

    public long count() {
        return uuidCount + others.size();
    }

    public String digest() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Iterator<String> ids = ascending(); ids.hasNext(); ) {
            sha256.update(ids.next().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Every id, ascending as strings compare. */
    public Iterator<String> ascending() {
        UUID[] sorted = new UUID[uuidCount];
        for (int i = 0; i < uuidCount; i++) {
            sorted[i] = new UUID(uuids[2 * i], uuids[2 * i + 1]);
        }
        Arrays.sort(sorted, ASCENDING);
        List<String> rest = new ArrayList<>(others);
        rest.sort(Comparator.naturalOrder());
        return new Iterator<>() {
            private int nextUuid;
            private int nextOther;

            @Override
            public boolean hasNext() {
                return nextUuid < sorted.length || nextOther < rest.size();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String uuid = nextUuid < sorted.length ? sorted[nextUuid].toString() : null;
                String other = nextOther < rest.size() ? rest.get(nextOther) : null;
                if (other == null || uuid != null && uuid.compareTo(other) <= 0) {
                    nextUuid++;
                    return uuid;
                }
                nextOther++;
                return other;
            }
        };
    }

    /** The id as a UUID if it is one written in the canonical form, else null. */
    private static UUID canonical(String eventId) {
        if (eventId == null || eventId.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(eventId);
            return uuid.toString().equals(eventId) ? uuid : null;
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
