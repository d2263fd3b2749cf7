package org.followuptracker.access;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** HTTP Basic sign-in to a service: the user of the users file, with their roles, named by their name. */
public final class BasicSignIn implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    public BasicSignIn(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        UsersFile.User user = signIn.signIn(authentication.getName(),
                authentication.getCredentials() == null ? null : authentication.getCredentials().toString(),
                remoteAddress(authentication));
        return UsernamePasswordAuthenticationToken.authenticated(user.name(), null, authorities(user));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client's address, as Spring Security noted it with the attempt (the request's remote address). */
    public static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }

    public static List<GrantedAuthority> authorities(UsersFile.User user) {
        return user.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
