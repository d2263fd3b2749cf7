package org.followuptracker.query.store;

/**
 * One complete set of read-model collections, built from the events. Readers read the live generation; a rebuild
 * fills the next one beside it and then makes it live. Collection {@code timeline} of generation 3 is
 * {@code g3_timeline}.
 */
public record Generation(int number) {

    static final String PREFIX = "g";

    public String collection(String name) {
        return PREFIX + number + "_" + name;
    }

    /** The generation a collection name belongs to, or -1 when it is none of ours. */
    static int numberOf(String collectionName) {
        if (!collectionName.startsWith(PREFIX)) {
            return -1;
        }
        int underscore = collectionName.indexOf('_');
        if (underscore <= PREFIX.length()) {
            return -1;
        }
        try {
            return Integer.parseInt(collectionName.substring(PREFIX.length(), underscore));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
