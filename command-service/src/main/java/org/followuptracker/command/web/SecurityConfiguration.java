package org.followuptracker.command.web;

import org.followuptracker.access.AccessConfiguration;
import org.followuptracker.access.AccessProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may record: coordinators record facts, admins manage users; health and the API description are open. */
@Configuration
@Import(AccessConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access) throws Exception {
        return AccessConfiguration.signIn(http, access)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(AccessConfiguration.OPEN_PATHS).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/users").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole("COORDINATOR")
                        .requestMatchers(HttpMethod.GET, "/api/audit/event-store/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .build();
    }
}
