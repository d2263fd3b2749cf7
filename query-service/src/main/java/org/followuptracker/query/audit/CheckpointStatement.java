package org.followuptracker.query.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * What a checkpoint states, and what its signature covers: where every country's audit chain ended when it was
 * taken, and the hash of the entry there. Signed as the exact text of {@link #json()} (UTF-8), which is kept and
 * handed out as it was signed: nobody needs to write it again the same way to check it.
 *
 * @param takenAt an instant, as ISO 8601 in UTC
 * @param keyId   the key it was signed with ({@link CheckpointKey#id()})
 */
@JsonPropertyOrder({"format", "number", "takenAt", "keyId", "countries"})
record CheckpointStatement(String format, long number, String takenAt, String keyId, List<SignedHead> countries) {

    static final String FORMAT = "follow-up-tracker/audit-checkpoint/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A country's chain as signed: its length (the position of its last entry) and that entry. */
    @JsonPropertyOrder({"country", "position", "eventId", "hash"})
    record SignedHead(String country, long position, String eventId, String hash) {
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checkpoint statement is plain JSON", e);
        }
    }

    /** The statement of this text, or null if it is none (only a signed text is read, so this is not expected). */
    static CheckpointStatement parse(String json) {
        try {
            CheckpointStatement statement = JSON.readValue(json, CheckpointStatement.class);
            return FORMAT.equals(statement.format()) && statement.countries() != null ? statement : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
