package org.followuptracker.command.importing;

/** A row of the file that was not taken, and why, so that whoever imports it can fix the file and try again. */
public record RejectedRow(int lineNumber, String reason) {
}
