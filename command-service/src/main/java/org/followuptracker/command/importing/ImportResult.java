package org.followuptracker.command.importing;

import java.util.List;

/** What an import did: each entry added, each already there, each row rejected with its line and reason. */
public record ImportResult(List<Added> added, List<AlreadyThere> alreadyThere, List<RejectedRow> rejected) {

    /** A recommendation recorded from a row (one per country concerned), with the position it carried, if any. */
    public record Added(int lineNumber, String annotationId, String country, String recommendationId, String position) {
    }

    /** A row (for one country) imported before, and the recommendation it became then. */
    public record AlreadyThere(int lineNumber, String annotationId, String country, String recommendationId) {
    }
}
