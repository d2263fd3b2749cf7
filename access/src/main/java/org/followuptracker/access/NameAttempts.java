package org.followuptracker.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What sign-in throttling keeps about one user name (see {@link SignInAttempts}), as a few lines of text:
 * <pre>
 * own 7 2026-11-28T10:03:00Z
 * fresh 10 2026-11-28T10:00:00Z
 * known 3f1c… 2026-11-27T08:00:00Z -
 * </pre>
 *
 * @param own   the name's tries from anywhere
 * @param fresh the name's tries for addresses that have not failed within the hour, once {@code own} is spent
 * @param known where the name signed in from lately (addresses by their hash), most recent first
 */
record NameAttempts(Bucket own, Bucket fresh, List<KnownAddress> known) {

    /**
     * An address the name signed in from.
     *
     * @param failedAt when a try from there, made on this allowance, last failed; null if none
     */
    record KnownAddress(String address, Instant signedInAt, Instant failedAt) {

        boolean failedWithin(Duration span, Instant now) {
            return failedAt != null && failedAt.plus(span).isAfter(now);
        }
    }

    static NameAttempts none(Instant now) {
        return new NameAttempts(SignInAttempts.PER_NAME.full(now), SignInAttempts.FRESH_ADDRESSES.full(now), List.of());
    }

    Optional<KnownAddress> known(String address, Instant now) {
        return known.stream().filter(entry -> entry.address().equals(address)
                && entry.signedInAt().plus(SignInAttempts.KNOWN_FOR).isAfter(now)).findFirst();
    }

    NameAttempts withOwn(Bucket bucket) {
        return new NameAttempts(bucket, fresh, known);
    }

    NameAttempts withFresh(Bucket bucket) {
        return new NameAttempts(own, bucket, known);
    }

    /** {@code entry} in place of what was known of its address; the most recent kept, those too old forgotten. */
    NameAttempts withKnown(KnownAddress entry, Instant now) {
        List<KnownAddress> kept = new ArrayList<>(known.stream()
                .filter(other -> !other.address().equals(entry.address()))
                .filter(other -> other.signedInAt().plus(SignInAttempts.KNOWN_FOR).isAfter(now))
                .toList());
        kept.add(entry);
        kept.sort(Comparator.comparing(KnownAddress::signedInAt).reversed());
        return new NameAttempts(own, fresh, List.copyOf(kept.subList(0, Math.min(kept.size(),
                SignInAttempts.KNOWN_ADDRESSES))));
    }

    /** Nothing to remember: tries all back and no address known any more. */
    boolean mattersNoMore(Instant now) {
        return own.isFull(SignInAttempts.PER_NAME, now) && fresh.isFull(SignInAttempts.FRESH_ADDRESSES, now)
                && known.stream().noneMatch(entry -> entry.signedInAt().plus(SignInAttempts.KNOWN_FOR).isAfter(now));
    }

    String text() {
        StringBuilder text = new StringBuilder()
                .append("own ").append(own.tokens()).append(' ').append(own.refilledAt()).append('\n')
                .append("fresh ").append(fresh.tokens()).append(' ').append(fresh.refilledAt()).append('\n');
        for (KnownAddress entry : known) {
            text.append("known ").append(entry.address()).append(' ').append(entry.signedInAt()).append(' ')
                    .append(entry.failedAt() == null ? "-" : entry.failedAt().toString()).append('\n');
        }
        return text.toString();
    }

    static NameAttempts parse(String text, Instant now) {
        NameAttempts read = none(now);
        for (String line : text.split("\n")) {
            String[] parts = line.strip().split(" ");
            switch (parts[0]) {
                case "own" -> read = read.withOwn(new Bucket(Integer.parseInt(parts[1]), Instant.parse(parts[2])));
                case "fresh" -> read = read.withFresh(new Bucket(Integer.parseInt(parts[1]), Instant.parse(parts[2])));
                case "known" -> {
                    List<KnownAddress> known = new ArrayList<>(read.known());
                    known.add(new KnownAddress(parts[1], Instant.parse(parts[2]),
                            parts[3].equals("-") ? null : Instant.parse(parts[3])));
                    read = new NameAttempts(read.own(), read.fresh(), List.copyOf(known));
                }
                default -> throw new IllegalArgumentException("not a line of sign-in attempts: " + line);
            }
        }
        return read;
    }
}
