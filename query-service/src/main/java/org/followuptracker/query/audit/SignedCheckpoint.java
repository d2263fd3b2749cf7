package org.followuptracker.query.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bson.Document;

/**
 * A checkpoint as kept in the read store: its statement's exact text and the signature over it. The read store is
 * not trusted with it: a checkpoint is used only once its signature verified with this service's key.
 *
 * @param signature Ed25519 over {@code text} as UTF-8, in base64
 */
record SignedCheckpoint(CheckpointStatement statement, String text, String signature) {

    /** Not a collection of a generation: a rebuild makes the same chains, which the checkpoints keep vouching for. */
    static final String COLLECTION = "audit_checkpoints";

    long number() {
        return statement.number();
    }

    static SignedCheckpoint sign(CheckpointStatement statement, CheckpointKey key) {
        String text = statement.json();
        return new SignedCheckpoint(statement, text,
                Base64.getEncoder().encodeToString(key.sign(text.getBytes(StandardCharsets.UTF_8))));
    }

    Document document() {
        return new Document("_id", number()).append("statement", text).append("signature", signature);
    }

    /**
     * The checkpoint a stored document holds if its signature verifies with {@code key} and it states the number it is
     * kept under; else null (written by someone else, changed, or signed with another key).
     */
    static SignedCheckpoint verified(Document document, CheckpointKey key) {
        if (!(document.get("statement") instanceof String text) || !(document.get("signature") instanceof String sig)
                || !(document.get("_id") instanceof Number number)) {
            return null;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (!key.verifies(text.getBytes(StandardCharsets.UTF_8), signature)) {
            return null;
        }
        CheckpointStatement statement = CheckpointStatement.parse(text);
        return statement != null && statement.number() == number.longValue()
                ? new SignedCheckpoint(statement, text, sig) : null;
    }
}
