package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    private final RememberingPasswordEncoderTest.MovableClock clock = new RememberingPasswordEncoderTest.MovableClock();
    private final SignInAttempts attempts = new SignInAttempts(clock);

    @Test
    void tenFailuresWithinTheWindowLockTheNameForAWhileWhateverItsCase() {
        for (int i = 0; i < SignInAttempts.MOST_FAILURES - 1; i++) {
            attempts.failed("viewer");
        }
        assertThat(attempts.lockedFor("viewer")).isEmpty();
        attempts.failed("VIEWER");
        assertThat(attempts.lockedFor("viewer")).contains(SignInAttempts.LOCKED_FOR);
        assertThat(attempts.lockedFor("someone-else")).isEmpty();

        clock.now = clock.now.plus(SignInAttempts.LOCKED_FOR).plusSeconds(1);
        assertThat(attempts.lockedFor("viewer")).isEmpty();
    }

    @Test
    void failuresSpreadBeyondTheWindowAndASuccessDoNotAddUp() {
        for (int i = 0; i < SignInAttempts.MOST_FAILURES - 1; i++) {
            attempts.failed("viewer");
        }
        clock.now = clock.now.plus(SignInAttempts.WINDOW).plus(Duration.ofSeconds(1));
        attempts.failed("viewer");
        assertThat(attempts.lockedFor("viewer")).isEmpty();

        for (int i = 0; i < SignInAttempts.MOST_FAILURES - 2; i++) {
            attempts.failed("viewer");
        }
        attempts.succeeded("viewer");
        attempts.failed("viewer");
        assertThat(attempts.lockedFor("viewer")).isEmpty();
    }
}
