package org.followuptracker.query.audit;

import org.springframework.data.annotation.Id;

/** The end of a country's audit chain: how long it is and the hash of its last entry. */
public record AuditHead(@Id String country, long length, String lastEventId, String hash) {

    public static final String COLLECTION = "audit_heads";

    static AuditHead start(String country) {
        return new AuditHead(country, 0, null, AuditHash.GENESIS);
    }
}
