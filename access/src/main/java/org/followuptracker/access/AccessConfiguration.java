package org.followuptracker.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
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
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder(), java.time.Clock.systemUTC());
    }

    /**
     * Spring Security's own observations off: with them, each of some fifteen filters a request passes through is
     * wrapped to be observed (a Micrometer observation and a span name each), and nothing here reads them. Requests
     * stay observed whole ({@code http.server.requests}); the lockout still counts failed sign-ins ({@link SignInLockout}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService userDetailsService(UsersFile users) {
        return name -> users.find(name)
                .map(user -> User.withUsername(user.name())
                        .password(user.passwordHash())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Bean
    SignInAttempts signInAttempts() {
        return new SignInAttempts(java.time.Clock.systemUTC());
    }

    /** Also listens to Spring Security's sign-in events, to count failures. */
    @Bean
    SignInLockout signInLockout(SignInAttempts attempts) {
        return new SignInLockout(attempts);
    }

    /** The lockout runs inside the security chain only, not again as a filter of its own. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<SignInLockout> signInLockoutNotOnItsOwn(SignInLockout lockout) {
        org.springframework.boot.web.servlet.FilterRegistrationBean<SignInLockout> registration =
                new org.springframework.boot.web.servlet.FilterRegistrationBean<>(lockout);
        registration.setEnabled(false);
        return registration;
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
            http.addFilterBefore(http.getSharedObject(org.springframework.context.ApplicationContext.class)
                    .getBean(SignInLockout.class), org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class);
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
