package org.followuptracker.web.signin;

import java.time.Clock;
import org.followuptracker.access.AccessProperties;
import org.followuptracker.access.PasswordSignIn;
import org.followuptracker.access.RememberingPasswordEncoder;
import org.followuptracker.access.SignInAttempts;
import org.followuptracker.access.UsersFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Sign-in with a form and a session cookie (HttpOnly, SameSite=Lax), CSRF tokens on every form, and headers that
 * keep the pages from being framed, sniffed or made to run scripts from anywhere else. Readers see the pages;
 * only coordinators reach the forms that record; the audit trail is for auditors and admins. The services check
 * the same again on every call.
 */
@Configuration
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "object-src 'none'";

    @Bean
    UsersFile usersFile(AccessProperties access) {
        return new UsersFile(access.usersFile());
    }

    @Bean
    RememberingPasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder(), Clock.systemUTC());
    }

    /** The same count of failed sign-ins as both services keep, in files beside the users file. */
    @Bean
    PasswordSignIn passwordSignIn(UsersFile users, RememberingPasswordEncoder passwords) {
        return new PasswordSignIn(users, passwords, SignInAttempts.besideUsersFile(users, Clock.systemUTC()));
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, PasswordSignIn signIn) throws Exception {
        return http
                // Its own manager, with no parent: Spring Security's global one asked again after a failure, and so
                // checked each wrong password twice (and counted it twice).
                .authenticationManager(new ProviderManager(new UsersFileSignIn(signIn)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signin", "/app.css", "/app.js", "/favicon.svg", "/actuator/health",
                                "/actuator/health/**", "/error", "/signout", "/denied").permitAll()
                        .requestMatchers("/audit", "/audit/**", "/export/audit").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/record/**").hasRole("COORDINATOR")
                        .requestMatchers(HttpMethod.POST, "/**").hasRole("COORDINATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/signin").successHandler(backToThePageAskedFor()).permitAll())
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied")
                        .authenticationEntryPoint(toTheSignInForm()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    /**
     * Tomcat as Spring Boot sets it up turns a path in {@code Location} into a full address, built from the request's
     * {@code Host} header; a path stays a path.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> relativeRedirects() {
        return tomcat -> tomcat.addContextCustomizers(context -> context.setUseRelativeRedirects(true));
    }

    /** Never an address made from the request's {@code Host} header: a path on this site. */
    private static LoginUrlAuthenticationEntryPoint toTheSignInForm() {
        LoginUrlAuthenticationEntryPoint signInForm = new LoginUrlAuthenticationEntryPoint("/signin");
        signInForm.setFavorRelativeUris(true);
        return signInForm;
    }

    private static SavedRequestAwareAuthenticationSuccessHandler backToThePageAskedFor() {
        SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler();
        back.setDefaultTargetUrl("/");
        back.setRedirectStrategy(new RelativeRedirects());
        return back;
    }
}
