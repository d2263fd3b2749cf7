package org.followuptracker.access;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Sign-in as both services do it: every API call authenticated, HTTP Basic against the users file or an OIDC bearer
 * token, no session, and refusals as problem bodies. Each service adds which role may call what.
 */
@Configuration
@EnableConfigurationProperties(AccessProperties.class)
public class AccessConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    /** Open to all: health (for probes and load balancers) and the API's description. */
    public static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    UsersFile usersFile(AccessProperties properties) {
        UsersFile users = new UsersFile(properties.usersFile());
        if (properties.mode() == AccessProperties.Mode.USERS) {
            users.createWithFirstAdmin().ifPresent(password -> log.warn("""

                    First start: created the user "{}" (role ADMIN) in {}.
                    Its password, shown this once, is also in {} (readable by you only): {}
                    Sign in with it, create the users you need (POST /api/users), then delete that file.
                    """, UsersFile.FIRST_ADMIN, users.path(), users.path().resolveSibling(UsersFile.INITIAL_PASSWORD_FILE),
                    password));
        }
        return users;
    }

    /** bcrypt, with verified passwords remembered for a few minutes (HTTP Basic sends one with every request). */
    @Bean
    RememberingPasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder(), Clock.systemUTC());
    }

    /**
     * Spring Security's own observations off: with them, each of some fifteen filters a request passes through is
     * wrapped to be observed (a Micrometer observation and a span name each), and nothing here reads them. Requests
     * stay observed whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Counted in files beside the users file, with the other service and the web app. */
    @Bean
    SignInAttempts signInAttempts(UsersFile users) {
        return SignInAttempts.besideUsersFile(users, Clock.systemUTC());
    }

    @Bean
    PasswordSignIn passwordSignIn(UsersFile users, RememberingPasswordEncoder passwords, SignInAttempts attempts) {
        return new PasswordSignIn(users, passwords, attempts);
    }

    /** What both services configure alike; the caller then says which role may do what. */
    public static HttpSecurity signIn(HttpSecurity http, AccessProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.accessDeniedHandler(ProblemResponses.forbidden()));
        if (properties.mode() == AccessProperties.Mode.OIDC) {
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(ProblemResponses.unauthenticated("Bearer"))
                    .accessDeniedHandler(ProblemResponses.forbidden())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenToUser(properties))));
            http.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthenticated("Bearer")));
        } else {
            // This chain's own manager, with no parent to ask again: a second provider would check a wrong password
            // a second time (and count it twice).
            http.authenticationManager(new ProviderManager(new BasicSignIn(http.getSharedObject(
                    ApplicationContext.class).getBean(PasswordSignIn.class))));
            http.httpBasic(basic -> basic.realmName("Follow-up Tracker")
                    .authenticationEntryPoint(ProblemResponses.unauthenticated("Basic realm=\"Follow-up Tracker\"")));
            http.exceptionHandling(errors -> errors.authenticationEntryPoint(
                    ProblemResponses.unauthenticated("Basic realm=\"Follow-up Tracker\"")));
        }
        return http.formLogin(form -> form.disable()).logout(logout -> logout.disable());
    }

    /** The user named by a token and the roles its claim lists (those the tracker knows). */
    static Converter<Jwt, AbstractAuthenticationToken> tokenToUser(AccessProperties properties) {
        return jwt -> {
            Object claim = claim(jwt.getClaims(), properties.rolesClaim());
            List<GrantedAuthority> roles = claim instanceof Collection<?> values
                    ? values.stream().map(String::valueOf)
                            .filter(role -> List.of(Role.values()).stream().anyMatch(r -> r.name().equals(role)))
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                            .toList()
                    : List.of();
            String name = jwt.getClaimAsString(properties.usernameClaim());
            return new JwtAuthenticationToken(jwt, roles, name == null ? jwt.getSubject() : name);
        };
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }
}
