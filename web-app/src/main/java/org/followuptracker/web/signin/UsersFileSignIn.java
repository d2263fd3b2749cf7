package org.followuptracker.web.signin;

import org.followuptracker.access.BasicSignIn;
import org.followuptracker.access.PasswordSignIn;
import org.followuptracker.access.UsersFile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Signs a user in with the sign-in form against the users file both services read, throttled with the same count as
 * theirs ({@link PasswordSignIn}): a name or an address refused by one is refused by all three.
 */
final class UsersFileSignIn implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    UsersFileSignIn(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        UsersFile.User user = signIn.signIn(authentication.getName(), password,
                BasicSignIn.remoteAddress(authentication));
        return UsernamePasswordAuthenticationToken.authenticated(new SignedInUser(user.name(), user.roles(), password),
                null, BasicSignIn.authorities(user));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
