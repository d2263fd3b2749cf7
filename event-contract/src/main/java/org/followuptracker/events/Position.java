package org.followuptracker.events;

/** The position a government takes on a recommendation, in the words of UPR practice. */
public enum Position {
    SUPPORTED,
    PARTIALLY_SUPPORTED,
    NOTED,
    REJECTED,
    NO_POSITION
}
