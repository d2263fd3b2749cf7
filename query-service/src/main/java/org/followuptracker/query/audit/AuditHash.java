package org.followuptracker.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over an audit entry's fields, each written with its length (a missing one as {@code -}), so that no two
 * different entries are written the same way.
 */
final class AuditHash {

    /** The "previous hash" of a country's first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "follow-up-tracker/audit/1";

    private AuditHash() {
    }

    static String of(String... fields) {
        StringBuilder text = new StringBuilder(VERSION);
        for (String field : fields) {
            text.append('\n');
            if (field == null) {
                text.append('-');
            } else {
                text.append(field.length()).append(':').append(field);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
