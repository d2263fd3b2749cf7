package org.followuptracker.command.actor;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is recording: the signed-in user of the current request. Never taken from the request body or a header.
 * Outside a signed-in request (the demo data, tests without sign-in) it is {@value #ANONYMOUS}.
 */
@Component
public class CurrentActor {

    public static final String ANONYMOUS = "anonymous";
    public static final String METADATA_KEY = "actor";

    /** Who is recording, and from what source the request says. */
    public Provenance recording(String source) {
        return new Provenance(name(), source);
    }

    public String name() {
        // The security context, not the request: a servlet filter sees the request before Spring Security wrapped it.
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
                && signedIn.getName() != null) {
            return signedIn.getName();
        }
        return ANONYMOUS;
    }
}
