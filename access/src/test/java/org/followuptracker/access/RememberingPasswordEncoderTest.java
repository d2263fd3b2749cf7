package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    /** What each check does before it answers. */
    private volatile Runnable duringCheck = () -> { };
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcryptChecks.incrementAndGet();
            duringCheck.run();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    };

    @Test
    void aMatchedPasswordIsCheckedByBcryptOnceUntilItIsForgotten() {
        MovableClock clock = new MovableClock();
        RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting, clock);
        String hash = encoder.encode("correct horse");

        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(bcryptChecks.get()).isEqualTo(1);

        clock.now = clock.now.plus(RememberingPasswordEncoder.REMEMBER_FOR).plusSeconds(1);
        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(bcryptChecks.get()).isEqualTo(2);
    }

    @Test
    void whetherAPasswordIsRememberedIsAnsweredWithoutBcrypt() {
        MovableClock clock = new MovableClock();
        RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting, clock);
        String hash = encoder.encode("correct horse");
        assertThat(encoder.remembers("correct horse", hash)).isFalse();

        assertThat(encoder.matches("correct horse", hash)).isTrue();
        assertThat(encoder.remembers("correct horse", hash)).isTrue();
        assertThat(encoder.remembers("wrong horse", hash)).isFalse();
        assertThat(bcryptChecks.get()).isEqualTo(1);

        clock.now = clock.now.plus(RememberingPasswordEncoder.REMEMBER_FOR);
        assertThat(encoder.remembers("correct horse", hash)).isFalse();
    }

    @Test
    void aWrongPasswordAlwaysCostsAFullCheckAndAChangedPasswordIsNotMatchedByTheOld() {
        RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting, new MovableClock());
        String hash = encoder.encode("correct horse");
        assertThat(encoder.matches("correct horse", hash)).isTrue();

        assertThat(encoder.matches("wrong horse", hash)).isFalse();
        assertThat(encoder.matches("wrong horse", hash)).isFalse();
        assertThat(bcryptChecks.get()).isEqualTo(3);

        String changed = encoder.encode("battery staple");
        assertThat(encoder.matches("correct horse", changed)).isFalse();
        assertThat(encoder.matches("battery staple", changed)).isTrue();
        assertThat(encoder.matches(null, hash)).isFalse();
    }

    @Test
    void requestsThatSendThePasswordWhileItIsCheckedShareThatCheck() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        duringCheck = () -> {
            checking.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(counting, new MovableClock());
        String hash = encoder.encode("correct horse");
        AtomicReferenceArray<Boolean> answers = new AtomicReferenceArray<>(16);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int client = i;
            clients.add(new Thread(() -> answers.set(client, encoder.matches("correct horse", hash))));
        }
        clients.get(0).start();
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
        clients.subList(1, 16).forEach(Thread::start);
        // The other fifteen wait: for the first one's check, or (were each to check) in a check of their own.
        await().atMost(Duration.ofSeconds(10)).until(() -> clients.subList(1, 16).stream()
                .allMatch(client -> client.getState() == Thread.State.WAITING
                        || client.getState() == Thread.State.TIMED_WAITING));
        release.countDown();
        for (int i = 0; i < 16; i++) {
            clients.get(i).join(10_000);
            assertThat(answers.get(i)).isTrue();
        }
        assertThat(bcryptChecks.get()).isEqualTo(1);
    }

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
