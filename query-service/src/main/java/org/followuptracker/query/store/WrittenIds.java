package org.followuptracker.query.store;

import java.nio.charset.StandardCharsets;

/**
 * Which documents a build has written to its generation, as a Bloom filter: "never written" is certain, "written"
 * may be wrong about one in thousands. A build reads only what it wrote itself (its generation started empty), so
 * a document it never wrote need not be looked for in the store: that saves the round trip that nearly every event
 * made (is it applied already? is this recommendation known?) to learn that the answer is no.
 * <p>
 * 2<sup>26</sup> bits (8 MiB) and 5 hashes: at 3 million documents written about 1 in 2,500 of the lookups of a
 * document never written still goes to the store, which answers it correctly; at 4 million (a million events, each
 * with its timeline place), about 1 in 900.
 */
final class WrittenIds {

    private static final int BITS_LOG2 = 26;
    private static final long MASK = (1L << BITS_LOG2) - 1;
    private static final int HASHES = 5;

    private final long[] bits = new long[1 << (BITS_LOG2 - 6)];

    void add(String collection, String id) {
        long hash = hash(collection, id);
        for (int i = 0; i < HASHES; i++) {
            long bit = bit(hash, i);
            bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
    }

    boolean mightContain(String collection, String id) {
        long hash = hash(collection, id);
        for (int i = 0; i < HASHES; i++) {
            long bit = bit(hash, i);
            if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@code i}th of the bits of a hash: two halves of it combined (Kirsch and Mitzenmacher). */
    private static long bit(long hash, int i) {
        return ((int) hash + (long) i * (int) (hash >>> 32)) & MASK;
    }

    /** 64-bit FNV-1a over the collection's name, a separator and the id, then mixed (SplitMix64's finaliser). */
    private static long hash(String collection, String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (collection + '\u0000' + id).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
