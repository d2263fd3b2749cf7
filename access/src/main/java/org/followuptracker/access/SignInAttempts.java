package org.followuptracker.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.followuptracker.access.Bucket.Budget;
import org.followuptracker.access.NameAttempts.KnownAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins slow down whoever guesses, counted per user name (exactly as the users file writes it) and per
 * client address ({@link ClientAddress}), and kept in files beside the users file ({@link AttemptsFolder}), so that
 * the command service, the query service and the web app keep one count. Budgets of tries ({@link Bucket}):
 * <ul>
 * <li>an address: {@link #PER_ADDRESS}, for all names together; an address out of tries is refused for every name;
 * <li>a name: {@link #PER_NAME}, from any address;
 * <li>once the name's own are spent, an address that has not failed within the hour still gets a try, from the
 *     name's {@link #FRESH_ADDRESSES};
 * <li>and each of the last {@value #KNOWN_ADDRESSES} addresses the name signed in from (within {@link #KNOWN_FOR})
 *     gets one try an hour, whatever the name's budgets hold.
 * </ul>
 * So a guesser gets at most {@link #mostGuessesPerNameWithin} an hour: 29 wrong guesses at a name from anywhere,
 * 19 more from addresses that had not failed, and one from each of 5 addresses it signed in from, 53 in all, from
 * every address together. The right password from an address that has not failed is refused only once guessers from
 * more than ten addresses spent both of the name's budgets within the hour; even then it signs in from where it did
 * lately. A user who mistypes is not locked out: a try comes back every three minutes.
 * <p>
 * An attempt is booked as failed before its password is checked, so that guesses sent all at once cannot pass
 * before the first failure is counted, and its tries come back when it proves right.
 */
public class SignInAttempts {

    static final Budget PER_ADDRESS = new Budget(20, Duration.ofMinutes(3));
    static final Budget PER_NAME = new Budget(10, Duration.ofMinutes(3));
    static final Budget FRESH_ADDRESSES = new Budget(10, Duration.ofMinutes(6));
    static final int KNOWN_ADDRESSES = 5;
    static final Duration KNOWN_FOR = Duration.ofDays(30);
    /** An address that failed within this long is not fresh; a known one has its hourly try once an hour. */
    static final Duration FAILED_WITHIN = Duration.ofHours(1);
    /** How often files that matter no more are deleted. */
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final AttemptsFolder folder;
    private final Clock clock;
    private volatile Instant sweptAt;

    public SignInAttempts(Path folder, Clock clock) {
        this.folder = new AttemptsFolder(folder);
        this.clock = clock;
        this.sweptAt = clock.instant();
    }

    /** In the folder {@code sign-in-attempts} beside the users file, which every process signing in shares. */
    public static SignInAttempts besideUsersFile(UsersFile users, Clock clock) {
        return new SignInAttempts(users.path().resolveSibling("sign-in-attempts"), clock);
    }

    /** The most wrong guesses at one name within {@code span}, from all addresses together. */
    public static int mostGuessesPerNameWithin(Duration span) {
        long hours = (span.toMillis() + FAILED_WITHIN.toMillis() - 1) / FAILED_WITHIN.toMillis();
        return PER_NAME.mostWithin(span) + FRESH_ADDRESSES.mostWithin(span) + (int) (KNOWN_ADDRESSES * hours);
    }

    /** Throws {@link SignInThrottled} if an attempt would be refused now; reads, writes nothing. */
    public void check(String name, String remoteAddress) {
        Instant now = clock.instant();
        String address = hash(ClientAddress.of(remoteAddress).key());
        decide(readName(name, now), readAddress(address, now), address, now);
    }

    /**
     * Books an attempt as failed, before its password is checked; {@link Booking#succeeded()} gives its tries back.
     * Throws {@link SignInThrottled} when it is refused.
     */
    public Booking book(String name, String remoteAddress) {
        String address = hash(ClientAddress.of(remoteAddress).key());
        Booking booking = folder.locked(() -> {
            Instant now = clock.instant();
            NameAttempts byName = readName(name, now);
            AddressAttempts byAddress = readAddress(address, now);
            Allowance allowance = decide(byName, byAddress, address, now);
            KnownAddress known = byName.known(address, now).orElse(null);
            NameAttempts nameAfter = switch (allowance) {
                case OWN -> byName.withOwn(byName.own().take(PER_NAME, now));
                case FRESH -> byName.withFresh(byName.fresh().take(FRESH_ADDRESSES, now));
                case KNOWN -> byName.withKnown(new KnownAddress(address, known.signedInAt(), now), now);
            };
            folder.write(nameFile(name), nameAfter.text());
            folder.write(addressFile(address),
                    new AddressAttempts(byAddress.own().take(PER_ADDRESS, now), now).text());
            return new Booking(name, address, allowance, now, byAddress.failedAt(),
                    known == null ? null : known.failedAt());
        });
        sweepNowAndThen();
        return booking;
    }

    /** An attempt let through, counted as failed unless it proves right. */
    public final class Booking {

        private final String name;
        private final String address;
        private final Allowance allowance;
        private final Instant bookedAt;
        private final Instant addressFailedBefore;
        private final Instant knownFailedBefore;

        private Booking(String name, String address, Allowance allowance, Instant bookedAt,
                Instant addressFailedBefore, Instant knownFailedBefore) {
            this.name = name;
            this.address = address;
            this.allowance = allowance;
            this.bookedAt = bookedAt;
            this.addressFailedBefore = addressFailedBefore;
            this.knownFailedBefore = knownFailedBefore;
        }

        /** The password was right: the tries come back, no failure stays marked, and the address is known. */
        public void succeeded() {
            folder.locked(() -> {
                Instant now = clock.instant();
                NameAttempts byName = readName(name, now);
                AddressAttempts byAddress = readAddress(address, now);
                if (allowance == Allowance.OWN) {
                    byName = byName.withOwn(byName.own().giveBack(PER_NAME, now));
                } else if (allowance == Allowance.FRESH) {
                    byName = byName.withFresh(byName.fresh().giveBack(FRESH_ADDRESSES, now));
                }
                Instant knownFailed = byName.known(address, now).map(KnownAddress::failedAt).orElse(null);
                byName = byName.withKnown(new KnownAddress(address, now,
                        bookedAt.equals(knownFailed) ? knownFailedBefore : knownFailed), now);
                // Unless another attempt from the address failed meanwhile.
                Instant addressFailed = bookedAt.equals(byAddress.failedAt()) ? addressFailedBefore
                        : byAddress.failedAt();
                folder.write(nameFile(name), byName.text());
                folder.write(addressFile(address),
                        new AddressAttempts(byAddress.own().giveBack(PER_ADDRESS, now), addressFailed).text());
                return null;
            });
        }
    }

    /** Which budget lets an attempt through. */
    private enum Allowance { OWN, FRESH, KNOWN }

    private static Allowance decide(NameAttempts byName, AddressAttempts byAddress, String address, Instant now) {
        if (byAddress.own().available(PER_ADDRESS, now) < 1) {
            throw new SignInThrottled(byAddress.own().untilNext(PER_ADDRESS, now));
        }
        if (byName.own().available(PER_NAME, now) > 0) {
            return Allowance.OWN;
        }
        Optional<KnownAddress> known = byName.known(address, now);
        if (known.isPresent() && !known.get().failedWithin(FAILED_WITHIN, now)) {
            return Allowance.KNOWN;
        }
        boolean fresh = !byAddress.failedWithin(FAILED_WITHIN, now);
        if (fresh && byName.fresh().available(FRESH_ADDRESSES, now) > 0) {
            return Allowance.FRESH;
        }
        Duration wait = byName.own().untilNext(PER_NAME, now);
        if (fresh) {
            Duration freshWait = byName.fresh().untilNext(FRESH_ADDRESSES, now);
            wait = freshWait.compareTo(wait) < 0 ? freshWait : wait;
        }
        throw new SignInThrottled(wait);
    }

    private NameAttempts readName(String name, Instant now) {
        String text = folder.read(nameFile(name));
        try {
            return text == null ? NameAttempts.none(now) : NameAttempts.parse(text, now);
        } catch (RuntimeException unreadable) {
            log.warn("Sign-in attempts in {} unreadable, started afresh: {}", folder.path(), unreadable.toString());
            return NameAttempts.none(now);
        }
    }

    private AddressAttempts readAddress(String address, Instant now) {
        String text = folder.read(addressFile(address));
        try {
            return text == null ? AddressAttempts.none(now) : AddressAttempts.parse(text, now);
        } catch (RuntimeException unreadable) {
            log.warn("Sign-in attempts in {} unreadable, started afresh: {}", folder.path(), unreadable.toString());
            return AddressAttempts.none(now);
        }
    }

    /** Deletes the files of names and addresses that matter no more, every few minutes at most. */
    private void sweepNowAndThen() {
        Instant now = clock.instant();
        if (sweptAt.plus(SWEEP_EVERY).isAfter(now)) {
            return;
        }
        sweptAt = now;
        folder.locked(() -> {
            for (String file : folder.files()) {
                String text = folder.read(file);
                if (text == null) {
                    continue;
                }
                boolean mattersNoMore;
                try {
                    mattersNoMore = file.startsWith("name-") ? NameAttempts.parse(text, now).mattersNoMore(now)
                            : file.startsWith("address-") && AddressAttempts.parse(text, now).mattersNoMore(now);
                } catch (RuntimeException unreadable) {
                    mattersNoMore = true;
                }
                if (mattersNoMore) {
                    folder.delete(file);
                }
            }
            return null;
        });
    }

    private static String nameFile(String name) {
        return "name-" + hash(name == null ? "" : name);
    }

    private static String addressFile(String address) {
        return "address-" + address;
    }

    /** Files named by a hash: any name makes a safe file name, and the folder lists neither names nor addresses. */
    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** For tests: the folder's files. */
    List<String> files() throws IOException {
        return folder.files();
    }
}
