package org.followuptracker.query.web;

import org.followuptracker.access.AccessConfiguration;
import org.followuptracker.access.AccessProperties;
import org.followuptracker.access.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read what: every signed-in role reads the views; the audit trail is for auditors and admins; rebuilds,
 * checks and operations are for admins; health and the API description are open.
 */
@Configuration
@Import(AccessConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access) throws Exception {
        return AccessConfiguration.signIn(http, access)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(AccessConfiguration.OPEN_PATHS).permitAll()
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/audit/checkpoints").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Role.READERS)
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .build();
    }
}
