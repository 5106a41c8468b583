package org.doudi.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what.
 * <ul>
 * <li>{@code /api/**}, the supervision page {@code /supervision} and the API's description ({@code /v3/api-docs},
 * Swagger UI at {@code /swagger-ui.html}): HTTP Basic as the engine's users; the services check region and role.</li>
 * <li>{@code /engine-rest/**} and the webapps' {@code /camunda/api/**}: the guard of
 * {@code org.doudi.gateway} (HTTP Basic for {@code /engine-rest}, the allow-list for staff, the audit
 * trail), then the engine's own authorizations (a caseworker sees his groups' tasks only).</li>
 * <li>{@code /camunda/**}: the webapps with their own login and CSRF protection.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**", "/supervision", "/supervision/**", "/rosters",
                "/rosters/**", "/warnings", "/warnings/**", "/reports", "/reports/**", "/v3/api-docs", "/v3/api-docs/**",
                "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("doudi"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Webapps and the engine REST API bring their own authentication; leave them to it. */
    @Bean
    @Order(2)
    SecurityFilterChain othersChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
