package org.followuptracker.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, remembering for a few minutes which password matched which hash, so that HTTP Basic, which sends the
 * password with every request, does not pay bcrypt's deliberate slowness (about 50 ms of CPU here) on every call.
 * <p>
 * Only a match is remembered, and only as an HMAC of the hash and the password under a key made afresh by each
 * process and never written anywhere: a wrong password always costs a full bcrypt check, and a changed password
 * (a new hash) is never matched by what was remembered for the old one. Requests that send the same password while
 * it is checked share that check's answer.
 */
public class RememberingPasswordEncoder implements PasswordEncoder {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    static final int MOST_REMEMBERED = 10_000;

    private final PasswordEncoder bcrypt;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Long> matchedUntil = new ConcurrentHashMap<>();
    /** The checks running now, by what they would remember. */
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    public RememberingPasswordEncoder(PasswordEncoder bcrypt, Clock clock) {
        this.bcrypt = bcrypt;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    /** Whether the password matched the hash within the last few minutes: answered without bcrypt. */
    public boolean remembers(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        Long until = matchedUntil.get(fingerprint(rawPassword, encodedPassword));
        return until != null && until > clock.millis();
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String remembered = fingerprint(rawPassword, encodedPassword);
        long now = clock.millis();
        Long until = matchedUntil.get(remembered);
        if (until != null && until > now) {
            return true;
        }
        // One check at a time per password and hash: requests that arrive while it runs wait for its answer rather
        // than each run bcrypt too. When what was remembered expired under 16 clients of one account, each of them
        // spent 50 ms of CPU on the same check at once, and every request on the 2 cores waited some 400 ms.
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(remembered, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matches = bcrypt.matches(rawPassword, encodedPassword);
            if (matches) {
                if (matchedUntil.size() >= MOST_REMEMBERED) {
                    forgetExpired(now);
                }
                if (matchedUntil.size() < MOST_REMEMBERED) {
                    matchedUntil.put(remembered, now + REMEMBER_FOR.toMillis());
                }
            } else {
                matchedUntil.remove(remembered);
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(remembered, mine);
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private void forgetExpired(long now) {
        for (Iterator<Long> until = matchedUntil.values().iterator(); until.hasNext(); ) {
            if (until.next() <= now) {
                until.remove();
            }
        }
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
