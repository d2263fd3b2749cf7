package org.followuptracker.access;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A user name and password checked against the users file, as the services (HTTP Basic) and the web app (its form)
 * both do: throttled by {@link SignInAttempts}, and with one bcrypt check per attempt at most. A name that is not in
 * the file costs the same: its password is checked against a hash of the same cost that no password matches, so
 * the time of an answer does not tell which names exist.
 * <p>
 * Names are matched exactly as the users file writes them, case included ({@code Amina} is not {@code amina}), and
 * counted so; only spaces around a name are dropped, as no name in the file has any.
 */
public final class PasswordSignIn {

    private final UsersFile users;
    private final RememberingPasswordEncoder passwords;
    private final SignInAttempts attempts;
    private final String unknownUsersHash;
    private final Object[] nameLocks = new Object[64];

    public PasswordSignIn(UsersFile users, RememberingPasswordEncoder passwords, SignInAttempts attempts) {
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
        this.unknownUsersHash = users.unguessableHash();
        for (int i = 0; i < nameLocks.length; i++) {
            nameLocks[i] = new Object();
        }
    }

    /**
     * The user, if the password is theirs; throws {@link SignInThrottled} when too many sign-ins failed for the name or
     * from the address, and {@link BadCredentialsException} when the name or the password is wrong (which, not said).
     */
    public UsersFile.User signIn(String name, String password, String remoteAddress) {
        String given = name == null ? "" : name.strip();
        String secret = password == null ? "" : password;
        attempts.check(given, remoteAddress);
        UsersFile.User user = users.find(given).orElse(null);
        String hash = user == null ? unknownUsersHash : user.passwordHash();
        // HTTP Basic sends the password with every call: one that matched lately costs neither bcrypt nor a booking.
        if (user != null && passwords.remembers(secret, hash)) {
            return user;
        }
        // One check at a time per name here: an attempt is booked as failed until bcrypt said otherwise, so calls
        // with the right password sent at once (a client's parallel requests) were refused as too many failures
        // (429); one after the other, the first one's match is remembered and the others cost nothing.
        synchronized (nameLocks[Math.floorMod(given.hashCode(), nameLocks.length)]) {
            if (user != null && passwords.remembers(secret, hash)) {
                return user;
            }
            attempts.check(given, remoteAddress);
            SignInAttempts.Booking booking = attempts.book(given, remoteAddress);
            boolean matches = passwords.matches(secret, hash);
            if (user == null || !matches) {
                throw new BadCredentialsException("Wrong user name or password.");
            }
            booking.succeeded();
            return user;
        }
    }
}
