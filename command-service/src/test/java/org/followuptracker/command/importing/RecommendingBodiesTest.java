package org.followuptracker.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.UnSource;
import org.junit.jupiter.api.Test;

class RecommendingBodiesTest {

    private static final UnSource NO_HINT = new UnSource("A/HRC/43/51/Add.9", null, List.of());

    @Test
    void theBodiesOfTheUhriAreReadAsTheirMechanism() {
        assertThat(RecommendingBodies.mechanismOf("UPR", NO_HINT)).contains(Mechanism.UPR);
        assertThat(RecommendingBodies.mechanismOf("CAT", NO_HINT)).contains(Mechanism.TREATY_BODY);
        assertThat(RecommendingBodies.mechanismOf("Human Rights Committee", NO_HINT)).contains(Mechanism.TREATY_BODY);
        assertThat(RecommendingBodies.mechanismOf("SR on human rights defenders", NO_HINT))
                .contains(Mechanism.SPECIAL_PROCEDURE);
        assertThat(RecommendingBodies.mechanismOf("WG on Arbitrary Detention", NO_HINT))
                .contains(Mechanism.SPECIAL_PROCEDURE);
    }

    @Test
    void anAbbreviationInsideAWordIsNoMatchAndAnUnknownBodyFallsBackOnItsSource() {
        assertThat(RecommendingBodies.mechanismOf("Advocate General", NO_HINT)).isEqualTo(Optional.empty());
        assertThat(RecommendingBodies.mechanismOf("Someone", new UnSource("CCPR/C/KAZ/CO/1", "8", List.of())))
                .contains(Mechanism.TREATY_BODY);
    }
}
