package org.followuptracker.command.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.followuptracker.events.AcceptedDates;

/**
 * Excel's day numbers (1900 date system), as the UHRI export gives publication dates: 40260 is 23 March 2010.
 * Excel counts a 29 February 1900 that never existed (day 60), so days after it are counted from 30 December 1899.
 * Dates past 2200 are refused, as the API refuses them ({@link AcceptedDates}).
 */
final class ExcelDates {

    private static final LocalDate BEFORE_DAY_ONE = LocalDate.of(1899, 12, 31);
    private static final LocalDate BEFORE_DAY_ONE_AFTER_THE_FAKE_LEAP_DAY = LocalDate.of(1899, 12, 30);
    private static final long FAKE_LEAP_DAY = 60;
    /** The day after 31 December 9999, Excel's last date. */
    private static final BigDecimal AFTER_LAST_DAY = BigDecimal.valueOf(2_958_466);

    private ExcelDates() {
    }

    /** The date of a day number; null for an empty cell; a fraction (the time of day) is dropped. */
    static LocalDate fromSerial(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String value = cell.strip();
        BigDecimal serial;
        try {
            // BigDecimal, not Double: it refuses "NaN", "Infinity", hex and the "40260d" that Double would take.
            serial = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an Excel day number");
        }
        // Compared before rounding, so that "1E999999999" is refused at once rather than expanded.
        if (serial.compareTo(BigDecimal.ONE) < 0 || serial.compareTo(AFTER_LAST_DAY) >= 0) {
            throw new IllegalArgumentException("'" + value + "' is outside Excel's dates");
        }
        long day = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        if (day == FAKE_LEAP_DAY) {
            throw new IllegalArgumentException("'" + value + "' is Excel's 29 February 1900, a day that never was");
        }
        LocalDate date = day < FAKE_LEAP_DAY
                ? BEFORE_DAY_ONE.plusDays(day)
                : BEFORE_DAY_ONE_AFTER_THE_FAKE_LEAP_DAY.plusDays(day);
        if (!AcceptedDates.contains(date)) {
            throw new IllegalArgumentException("'" + value + "' is " + date + ", outside the years "
                    + AcceptedDates.FIRST_YEAR + " to " + AcceptedDates.LAST_YEAR + " the tracker takes");
        }
        return date;
    }
}
