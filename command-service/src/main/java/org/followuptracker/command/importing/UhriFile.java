package org.followuptracker.command.importing;

import java.util.List;

/** What a UHRI export yielded: the rows that can be imported and the rows that cannot, each in file order. */
public record UhriFile(List<UhriRow> rows, List<RejectedRow> rejected) {

    public UhriFile {
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
    }
}
