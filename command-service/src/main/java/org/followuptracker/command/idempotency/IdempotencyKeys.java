package org.followuptracker.command.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The idempotency keys each actor has used, with the request each one came with and the answer it got. A key is
 * claimed before the request runs, so two copies of one request never both run.
 */
@Component
class IdempotencyKeys {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for a request; false when the actor already used it. */
    boolean claim(String actor, String key, String requestHash) {
        try {
            jdbc.update("INSERT INTO idempotency_key (actor, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)",
                    actor, key, requestHash, Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Used> find(String actor, String key) {
        List<Used> found = jdbc.query("SELECT request_hash, status, content_type, response_body FROM idempotency_key "
                        + "WHERE actor = ? AND idem_key = ?",
                (rs, row) -> new Used(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)),
                actor, key);
        return found.stream().findFirst();
    }

    void complete(String actor, String key, int status, String contentType, String body) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, response_body = ? WHERE actor = ? AND idem_key = ?",
                status, contentType, body, actor, key);
    }

    /** A refused or failed request leaves nothing recorded: the key is free to be used again. */
    void release(String actor, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE actor = ? AND idem_key = ?", actor, key);
    }

    /** A key already used: the request it came with, and the answer (no status yet while that request runs). */
    record Used(String requestHash, Integer status, String contentType, String body) {
    }
}
