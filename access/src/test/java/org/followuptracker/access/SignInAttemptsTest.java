package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed sign-ins slow down the guesser, never the user who knows the password; the clock is moved by hand. */
class SignInAttemptsTest {

    private static final String GUESSER = "198.51.100.7";
    private static final String USER_AT_HOME = "203.0.113.5";

    @TempDir
    Path folder;

    private final RememberingPasswordEncoderTest.MovableClock clock = new RememberingPasswordEncoderTest.MovableClock();
    private SignInAttempts attempts;

    @BeforeEach
    void attempts() {
        attempts = new SignInAttempts(folder, clock);
    }

    @Test
    void tenWrongGuessesSlowTheGuesserDownButTheRightPasswordFromAnAddressThatDidNotFailSignsIn() {
        for (int i = 0; i < 10; i++) {
            assertThat(guess("amina", GUESSER)).as("guess " + i).isTrue();
        }
        assertThatThrownBy(() -> attempts.book("amina", GUESSER)).isInstanceOfSatisfying(SignInThrottled.class,
                refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(3)));
        assertThat(signIn("amina", GUESSER)).as("even the right password, from where the guesses came").isFalse();

        assertThat(signIn("amina", USER_AT_HOME)).isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(3));
        assertThat(guess("amina", GUESSER)).as("one more try, three minutes on").isTrue();
        assertThat(guess("amina", GUESSER)).isFalse();
    }

    @Test
    void aGuesserGetsAtMost53WrongGuessesAtANameInAnyHourFromEveryAddressTogether() {
        // The worst case: the guesser shares the five addresses the user signed in from lately, and has as many
        // fresh ones as he likes; he tries from each, every thirty seconds, for two hours.
        List<String> usersAddresses = List.of("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5");
        for (String address : usersAddresses) {
            assertThat(signIn("amina", address)).isTrue();
        }
        Instant start = clock.now;
        List<Instant> letThrough = new ArrayList<>();
        int fresh = 0;
        for (int step = 0; step < 2 * 120; step++) {
            clock.now = start.plusSeconds(30L * step);
            List<String> from = new ArrayList<>(usersAddresses);
            from.add(GUESSER);
            from.add("10.0." + fresh / 250 + "." + fresh % 250);
            for (String address : from) {
                if (guess("amina", address)) {
                    letThrough.add(clock.now);
                    if (!usersAddresses.contains(address) && !address.equals(GUESSER)) {
                        fresh++;
                    }
                }
            }
        }

        int mostInAnHour = 0;
        for (Instant from : letThrough) {
            mostInAnHour = Math.max(mostInAnHour, (int) letThrough.stream()
                    .filter(at -> !at.isBefore(from) && at.isBefore(from.plus(Duration.ofHours(1)))).count());
        }
        assertThat(mostInAnHour).isEqualTo(53)
                .isEqualTo(SignInAttempts.mostGuessesPerNameWithin(Duration.ofHours(1)));
    }

    @Test
    void whenGuessesFromManyAddressesSpentTheNamesTriesTheUserStillSignsInFromWhereTheyDidBefore() {
        String office = "192.0.2.1";
        assertThat(signIn("amina", office)).isTrue();
        int letThrough = 0;
        for (int i = 0; i < 360; i++) {
            clock.now = clock.now.plusSeconds(10);
            letThrough += guess("amina", "10.0." + i / 250 + "." + i % 250) ? 1 : 0;
        }
        // 29 of the name's own tries, and 19 for addresses that had not failed, within the hour.
        assertThat(letThrough).isEqualTo(48);
        assertThat(signIn("amina", USER_AT_HOME)).as("from a fresh address: the name's tries are spent").isFalse();
        assertThat(signIn("amina", office)).isTrue();
    }

    @Test
    void theReadmeStatesTheBudget() throws Exception {
        assertThat(Files.readString(Path.of("..", "README.md")))
                .contains("at most " + SignInAttempts.mostGuessesPerNameWithin(Duration.ofHours(1))
                        + " wrong guesses per name per hour");
    }

    @Test
    void anAddressOutOfTriesIsRefusedForEveryName() {
        for (int i = 0; i < 20; i++) {
            assertThat(guess("name-" + i, GUESSER)).isTrue();
        }
        assertThat(guess("amina", GUESSER)).isFalse();
        assertThat(signIn("amina", USER_AT_HOME)).isTrue();
    }

    @Test
    void namesAreCountedExactlyAsTheUsersFileWritesThem() {
        for (int i = 0; i < 10; i++) {
            guess("Amina", GUESSER);
        }
        assertThat(guess("Amina", GUESSER)).isFalse();
        assertThat(guess("amina", GUESSER)).isTrue();
    }

    @Test
    void aSignInThatProvesRightCostsNoTry() {
        for (int i = 0; i < 50; i++) {
            assertThat(signIn("amina", USER_AT_HOME)).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(guess("amina", GUESSER)).isTrue();
        }
    }

    @Test
    void everyProcessKeepsOneCountInTheFolder() {
        SignInAttempts otherProcess = new SignInAttempts(folder, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(guess("amina", GUESSER)).isTrue();
            assertThatNoException().isThrownBy(() -> otherProcess.book("amina", GUESSER));
        }
        assertThatThrownBy(() -> otherProcess.check("amina", GUESSER)).isInstanceOf(SignInThrottled.class);
        assertThatThrownBy(() -> attempts.book("amina", GUESSER)).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void theFilesOfNamesAndAddressesThatMatterNoMoreAreDeleted() throws Exception {
        for (int i = 0; i < 30; i++) {
            guess("name-" + i, "10.0.0." + i);
        }
        assertThat(signIn("amina", USER_AT_HOME)).isTrue();
        assertThat(attempts.files()).hasSize(62);

        clock.now = clock.now.plus(Duration.ofHours(2));
        guess("someone", GUESSER);

        // What is left: the guess just made, and where amina signed in from (remembered for 30 days).
        assertThat(attempts.files()).hasSize(3);
    }

    private boolean guess(String name, String address) {
        try {
            attempts.book(name, address);
            return true;
        } catch (SignInThrottled refused) {
            return false;
        }
    }

    private boolean signIn(String name, String address) {
        try {
            attempts.check(name, address);
            attempts.book(name, address).succeeded();
            return true;
        } catch (SignInThrottled refused) {
            return false;
        }
    }
}
