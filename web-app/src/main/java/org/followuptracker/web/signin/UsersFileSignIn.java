package org.followuptracker.web.signin;

import java.time.Duration;
import java.util.List;
import org.followuptracker.access.SignInAttempts;
import org.followuptracker.access.UsersFile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs a user in with the sign-in form against the users file both services read; after repeated failures the
 * name is locked for a while, as it is for the API.
 */
final class UsersFileSignIn implements AuthenticationProvider {

    private final UsersFile users;
    private final PasswordEncoder passwords;
    private final SignInAttempts attempts;

    UsersFileSignIn(UsersFile users, PasswordEncoder passwords, SignInAttempts attempts) {
        this.users = users;
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        attempts.lockedFor(name).ifPresent(wait -> {
            throw new LockedException("Too many failed sign-ins for this name: try again in " + minutes(wait) + ".");
        });
        UsersFile.User user = users.find(name).orElse(null);
        if (user == null || !passwords.matches(password, user.passwordHash())) {
            attempts.failed(name);
            throw new BadCredentialsException("Wrong user name or password.");
        }
        attempts.succeeded(name);
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new UsernamePasswordAuthenticationToken(new SignedInUser(user.name(), user.roles(), password), null,
                authorities);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
