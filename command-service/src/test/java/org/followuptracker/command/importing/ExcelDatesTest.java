package org.followuptracker.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ExcelDatesTest {

    @ParameterizedTest(name = "day {0} is {1}")
    @CsvSource({
            "1, 1900-01-01",
            "59, 1900-02-28",
            "61, 1900-03-01", // Excel's day 60 is a 29 February 1900 that never was
            "40260, 2010-03-23",
            "' 40260 ', 2010-03-23",
            "40260.0, 2010-03-23",
            "40260.9993, 2010-03-23", // the time of day is dropped
            "4.026E4, 2010-03-23",
            "109939, 2200-12-31"})
    void dayNumbersAreDates(String cell, LocalDate date) {
        assertThat(ExcelDates.fromSerial(cell)).isEqualTo(date);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void anEmptyCellHasNoDate(String cell) {
        assertThat(ExcelDates.fromSerial(cell)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23/03/2010", "2010-03-23", "NaN", "Infinity", "40260d", "0x9D44", "forty"})
    void somethingElseThanANumberIsRefused(String cell) {
        assertThatThrownBy(() -> ExcelDates.fromSerial(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + cell + "' is not an Excel day number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.5", "2958466", "1E999999999"})
    void aNumberOutsideExcelsDatesIsRefused(String cell) {
        assertThatThrownBy(() -> ExcelDates.fromSerial(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + cell + "' is outside Excel's dates");
    }

    @ParameterizedTest
    @CsvSource({"109940, 2201-01-01", "2958465, 9999-12-31"})
    void aDayPastTheYearsTheTrackerTakesIsRefused(String cell, LocalDate date) {
        assertThatThrownBy(() -> ExcelDates.fromSerial(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + cell + "' is " + date + ", outside the years 1900 to 2200 the tracker takes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "60.5"})
    void theLeapDayThatNeverWasIsRefused(String cell) {
        assertThatThrownBy(() -> ExcelDates.fromSerial(cell))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("29 February 1900");
    }
}
