package org.followuptracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MomentsTest {

    @Test
    void aDayIsReadAsItsStartOrItsEndAndAnInstantAsItIs() {
        assertThat(Moments.instant("from", "2012-11-12", false)).isEqualTo(Instant.parse("2012-11-12T00:00:00Z"));
        assertThat(Moments.instant("to", "2012-11-12", true)).isEqualTo(Instant.parse("2012-11-12T23:59:59.999999999Z"));
        assertThat(Moments.instant("asOf", "2012-11-12T18:00:00+06:00", true)).isEqualTo(Instant.parse("2012-11-12T12:00:00Z"));
    }

    @Test
    void momentsOutsideTheYears1900To2200AreRefusedNamingTheParameter() {
        for (String far : new String[] {"+999999999-12-31", "+999999999-12-31T23:59:59-18:00", "-999999999-01-01",
                "+300000000-01-01", "0001-01-01", "0999-12-31T23:59:59Z", "1899-12-31", "1899-12-31T23:59:59Z",
                "2201-01-01", "2200-12-31T23:00:00-01:00", "9999-12-31"}) {
            assertThatThrownBy(() -> Moments.instant("asOf", far, true)).as(far)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("asOf"));
        }
        for (String far : new String[] {"+300000000-01-01", "2201-01-01", " 2012-01-01", "2012-01-01\n"}) {
            assertThatThrownBy(() -> Moments.day("from", far)).as(far).isInstanceOfSatisfying(
                    InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
        }
    }

    @Test
    void theFirstAndLastMomentsOfTheYears1900To2200AreTaken() {
        assertThat(Moments.instant("asOf", "1900-01-01", false)).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(Moments.instant("asOf", "2200-12-31", true))
                .isEqualTo(Instant.parse("2200-12-31T23:59:59.999999999Z"));
    }
}
