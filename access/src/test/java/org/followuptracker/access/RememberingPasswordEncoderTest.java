package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            bcryptChecks.incrementAndGet();
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
