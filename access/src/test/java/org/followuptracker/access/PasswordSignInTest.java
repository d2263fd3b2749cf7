package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What a sign-in costs, counted in bcrypt checks rather than timed: the same for every name, one at most. */
class PasswordSignInTest {

    private static final String PASSWORD = "a long enough password";
    private static final String ADDRESS = "198.51.100.7";

    @TempDir
    Path folder;

    private final RememberingPasswordEncoderTest.MovableClock clock = new RememberingPasswordEncoderTest.MovableClock();
    /** The hashes bcrypt was asked to check a password against, one per check. */
    private final List<String> bcryptChecks = new ArrayList<>();
    private PasswordSignIn signIn;

    @BeforeEach
    void signIn() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return bcrypt.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                bcryptChecks.add(encodedPassword);
                return bcrypt.matches(rawPassword, encodedPassword);
            }
        };
        UsersFile users = new UsersFile(folder.resolve("users"));
        users.put("amina", PASSWORD, Set.of(Role.COORDINATOR));
        signIn = new PasswordSignIn(users, new RememberingPasswordEncoder(counting, clock),
                SignInAttempts.besideUsersFile(users, clock));
    }

    @Test
    void aWrongPasswordAndANameThatDoesNotExistEachCostOneBcryptCheckOfTheSameCost() {
        assertThatThrownBy(() -> signIn.signIn("amina", "wrong", ADDRESS)).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong user name or password.");
        assertThat(bcryptChecks).hasSize(1);

        assertThatThrownBy(() -> signIn.signIn("nobody", "wrong", ADDRESS)).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong user name or password.");
        assertThat(bcryptChecks).hasSize(2);
        assertThat(cost(bcryptChecks.get(1))).isEqualTo(cost(bcryptChecks.get(0))).isEqualTo("$2a$10$");
        assertThat(bcryptChecks.get(1)).isNotEqualTo(bcryptChecks.get(0));
    }

    @Test
    void theRightPasswordCostsOneCheckThenNoneWhileItIsRemembered() {
        assertThat(signIn.signIn("amina", PASSWORD, ADDRESS).name()).isEqualTo("amina");
        assertThat(signIn.signIn("amina", PASSWORD, ADDRESS).name()).isEqualTo("amina");
        assertThat(bcryptChecks).hasSize(1);
    }

    @Test
    void theRightPasswordSentByManyCallsAtOnceSignsEachInWithOneCheck() throws Exception {
        int calls = 30;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(calls);
        List<java.util.concurrent.Future<String>> signedIn = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            signedIn.add(clients.submit(() -> {
                start.await();
                return signIn.signIn("amina", PASSWORD, ADDRESS).name();
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<String> call : signedIn) {
            assertThat(call.get()).isEqualTo("amina");
        }
        clients.shutdown();
        assertThat(bcryptChecks).hasSize(1);
    }

    @Test
    void anAttemptRefusedForTooManyFailuresCostsNoCheckAndSaysNothingOfThePassword() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> signIn.signIn("amina", "wrong", ADDRESS))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasSize(10);

        assertThatThrownBy(() -> signIn.signIn("amina", PASSWORD, ADDRESS)).isInstanceOf(SignInThrottled.class);
        assertThatThrownBy(() -> signIn.signIn("amina", "wrong", ADDRESS)).isInstanceOf(SignInThrottled.class);
        assertThatThrownBy(() -> signIn.signIn("nobody", "wrong", ADDRESS)).isInstanceOf(BadCredentialsException.class);
        assertThat(bcryptChecks).hasSize(11);

        assertThat(signIn.signIn("amina", PASSWORD, "203.0.113.5").name()).isEqualTo("amina");
    }

    @Test
    void aNameIsMatchedExactlyAsTheUsersFileWritesItSpacesAroundItAside() {
        assertThatThrownBy(() -> signIn.signIn("Amina", PASSWORD, ADDRESS)).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn.signIn(" amina ", PASSWORD, ADDRESS).name()).isEqualTo("amina");
    }

    /** The algorithm and cost a bcrypt hash begins with. */
    private static String cost(String hash) {
        return hash.substring(0, 7);
    }
}
