package org.followuptracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenToUserTest {

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    @Test
    void theUserIsNamedByTheUsernameClaimAndHasTheTrackerRolesOfTheRolesClaim() {
        AccessProperties properties = new AccessProperties(AccessProperties.Mode.OIDC, Path.of("unused"),
                "realm_access.roles", null);

        AbstractAuthenticationToken user = AccessConfiguration.tokenToUser(properties).convert(jwt(Map.of(
                "sub", "f7c2", "preferred_username", "amina",
                "realm_access", Map.of("roles", List.of("COORDINATOR", "offline_access")))));

        assertThat(user.getName()).isEqualTo("amina");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_COORDINATOR");
    }

    @Test
    void withoutTheUsernameClaimTheSubjectNamesTheUserAndWithoutRolesThereAreNone() {
        AccessProperties properties = new AccessProperties(AccessProperties.Mode.OIDC, Path.of("unused"), null, null);

        AbstractAuthenticationToken user = AccessConfiguration.tokenToUser(properties).convert(jwt(Map.of("sub", "f7c2")));

        assertThat(user.getName()).isEqualTo("f7c2");
        assertThat(user.getAuthorities()).isEmpty();
    }
}
