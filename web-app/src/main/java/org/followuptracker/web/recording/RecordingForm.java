package org.followuptracker.web.recording;

import java.util.UUID;

/**
 * What every form that records has: the idempotency key it was rendered with, so that pressing the button twice, or
 * again after a lost answer, records the fact once.
 */
public abstract class RecordingForm {

    private String idempotencyKey = UUID.randomUUID().toString();

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : idempotencyKey;
    }

    /** A blank field is left out, so that the service names it as missing. */
    static String value(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** One item per line or per comma, blank ones dropped. */
    static java.util.List<String> items(String typed, String separator) {
        if (typed == null || typed.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(typed.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
