package org.followuptracker.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.followuptracker.events.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UprPositionsTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Supported                                  | SUPPORTED
            - Supported                                | SUPPORTED
            SUPPORTED.                                 | SUPPORTED
            Accepted                                   | SUPPORTED
            Supported (para. 95: already implemented)  | SUPPORTED
            Partially supported                        | PARTIALLY_SUPPORTED
            partially-supported                        | PARTIALLY_SUPPORTED
            Supported/Noted                            | PARTIALLY_SUPPORTED
            Supported / Noted                          | PARTIALLY_SUPPORTED
            Supported-Noted                            | PARTIALLY_SUPPORTED
            Accepted/Noted                             | PARTIALLY_SUPPORTED
            Noted                                      | NOTED
            - Noted                                    | NOTED
            Rejected                                   | REJECTED
            not supported                              | REJECTED
            Not supported (para. 72 (in part))         | REJECTED
            No position                                | NO_POSITION
            """)
    void wordingIsRead(String wording, Position position) {
        assertThat(UprPositions.read(wording)).isEqualTo(position);
    }

    @Test
    void oneAnswerPerLineIsASplitAnswer() {
        assertThat(UprPositions.read("- Supported\n- Noted")).isEqualTo(Position.PARTIALLY_SUPPORTED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "Pending", "- pending", "To be examined",
            "Pending (para. 97: to be examined; reply by June 2010/Add.1)"})
    void noAnswerYetIsNoPositionAtAll(String wording) {
        assertThat(UprPositions.read(wording)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maybe later", "Supported-ish", "Yes"})
    void wordingItDoesNotKnowIsRefusedNamingIt(String wording) {
        assertThatThrownBy(() -> UprPositions.read(wording))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + wording + "' is not recognised");
    }

    @Test
    void answersWithoutSupportThatDisagreeAreRefused() {
        assertThatThrownBy(() -> UprPositions.read("Noted/Rejected"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Noted/Rejected' mixes answers that do not combine");
    }
}
