package org.followuptracker.command.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.UnSource;

/** Which mechanism a UHRI "Reccomending Body" is: the UPR, a treaty body or a special procedure. */
final class RecommendingBodies {

    /** Words (not parts of words: CAT is not in ADVOCATE) that name a treaty body or a special procedure. */
    private static final Set<String> TREATY_BODIES = Set.of("CCPR", "CESCR", "CAT", "SPT", "CRC", "CEDAW", "CERD",
            "CRPD", "CMW", "CED", "HRCTTEE", "COMMITTEE");
    private static final Set<String> SPECIAL_PROCEDURES = Set.of("SR", "IE", "WG", "SPECIAL", "RAPPORTEUR",
            "EXPERT", "WORKING");

    private RecommendingBodies() {
    }

    static Optional<Mechanism> mechanismOf(String body, UnSource source) {
        String name = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (name.equals("UPR") || name.startsWith("UPR ") || name.contains("UNIVERSAL PERIODIC REVIEW")) {
            return Optional.of(Mechanism.UPR);
        }
        Set<String> words = Set.of(name.split("[^A-Z]+"));
        if (words.stream().anyMatch(SPECIAL_PROCEDURES::contains)) {
            return Optional.of(Mechanism.SPECIAL_PROCEDURE);
        }
        if (words.stream().anyMatch(TREATY_BODIES::contains)) {
            return Optional.of(Mechanism.TREATY_BODY);
        }
        return Optional.ofNullable(Mechanism.inferredFrom(List.of(source)));
    }
}
