package org.followuptracker.command.recommendation;

/** What a finding says of a recommendation's implementation. */
public enum ImplementationStatus {
    IMPLEMENTED,
    PARTIALLY_IMPLEMENTED,
    NOT_IMPLEMENTED
}
