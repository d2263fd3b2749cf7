package org.followuptracker.command.importing;

import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.Position;
import org.followuptracker.events.UnSource;

/**
 * One recommendation (or observation) from a UHRI export, as read: nothing recorded yet.
 *
 * @param lineNumber            the line of the file where the row starts (the header is line 1)
 * @param annotationId          OHCHR's id of the entry in the index
 * @param countries             the countries concerned, as ISO 3166-1 alpha-3 codes
 * @param recommendingBody      "UPR", "CAT", "CCPR", a special procedure ...
 * @param paragraph             always null: the UHRI gives no paragraph number of its own
 * @param publishedOn           when the document was published; null if the export leaves it empty
 * @param uprRecommendingStates the recommending States by name, as the UN writes them (UPR only)
 * @param uprPosition           the position of the State under review; null when there is none yet (UPR only)
 * @param type                  "Recommendation", "Concerns/Observations" ...
 * @param uprSession            the UPR Working Group session
 */
public record UhriRow(
        int lineNumber,
        String annotationId,
        String text,
        List<String> countries,
        String recommendingBody,
        String documentSymbol,
        String paragraph,
        List<String> themes,
        List<String> affectedPersons,
        List<String> sdgs,
        LocalDate publishedOn,
        List<String> uprRecommendingStates,
        Position uprPosition,
        String type,
        String uprSession) {

    public UhriRow {
        countries = copy(countries);
        themes = copy(themes);
        affectedPersons = copy(affectedPersons);
        sdgs = copy(sdgs);
        uprRecommendingStates = copy(uprRecommendingStates);
    }

    /** Where the UN made the recommendation, in the form the tracker records it. */
    public UnSource unSource() {
        return new UnSource(documentSymbol, paragraph, uprRecommendingStates);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
