package org.followuptracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptedDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2012-10-18", "2024-02-29", "2200-12-31"})
    void aDayWrittenAsIsoInTheYearsAPersonCanMeanIsTaken(String written) {
        assertThat(AcceptedDates.parse(written)).isEqualTo(LocalDate.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "2201-01-01", "+9999999-12-31", "-9999999-01-01", "0000-01-01",
            "+2012-10-18", " 2012-10-18", "2012-10-18 ", "2012-10-18\n", "2012-10-18T00:00", "2012-02-30",
            "2023-02-29", "2012-13-01", "2012-1-8", "18/10/2012", "20121018", "", "٢٠١٢-١٠-١٨"})
    void anythingElseIsRefusedSayingWhatIsTaken(String written) {
        assertThatThrownBy(() -> AcceptedDates.parse(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a date written as 2012-10-18, in the years 1900 to 2200");
    }
}
