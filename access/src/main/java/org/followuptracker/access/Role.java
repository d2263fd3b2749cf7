package org.followuptracker.access;

/**
 * What a user may do. COORDINATOR records; VIEWER reads; AUDITOR reads, and reads the audit trail; ADMIN runs the
 * system (users, operations) and reads.
 */
public enum Role {
    COORDINATOR,
    VIEWER,
    AUDITOR,
    ADMIN;

    /** Every role may read the timeline and the board. */
    public static final String[] READERS = {"COORDINATOR", "VIEWER", "AUDITOR", "ADMIN"};
}
