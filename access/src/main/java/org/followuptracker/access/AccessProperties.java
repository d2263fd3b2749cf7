package org.followuptracker.access;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users sign in.
 *
 * @param mode          {@code users}: HTTP Basic against the users file; {@code oidc}: bearer tokens of the OIDC
 *                      issuer in {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * @param usersFile     the users file ({@code users} mode)
 * @param rolesClaim    the token claim that lists the roles ({@code oidc} mode); a dotted path such as
 *                      {@code realm_access.roles} reaches into an object
 * @param usernameClaim the token claim that names the user, recorded as the actor ({@code oidc} mode)
 */
@ConfigurationProperties("tracker.access")
public record AccessProperties(Mode mode, Path usersFile, String rolesClaim, String usernameClaim) {

    public enum Mode { USERS, OIDC }

    public AccessProperties {
        mode = mode == null ? Mode.USERS : mode;
        usersFile = usersFile == null ? Path.of("data", "users") : usersFile;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
    }
}
