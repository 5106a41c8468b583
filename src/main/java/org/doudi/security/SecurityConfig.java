package org.doudi.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what.
 * <ul>
 * <li>{@code /api/**} and Doudi's pages ({@code /supervision}, {@code /warnings}, {@code /cases} …): the webapps'
 * login (their session, {@link WebappSessionAuthentication}; a page without one is sent to {@code /login}), or HTTP
 * Basic as the engine's users for programs; the same for the API's description ({@code /v3/api-docs}, Swagger UI
 * at {@code /swagger-ui.html}); the services check region and role.</li>
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
                "/rosters/**", "/warnings", "/warnings/**", "/reports", "/reports/**", "/cases", "/cases/**",
                "/casefile/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                "/swagger-ui/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new WebappSessionAuthentication(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("doudi").authenticationEntryPoint(LOGIN))
                .exceptionHandling(e -> e.authenticationEntryPoint(LOGIN))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // The webapps' session is theirs: logging in there changed its id already; a page's request
                        // on it must not change it again (Tasklist in the next tab would lose it).
                        .sessionFixation(f -> f.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Who is not logged in: a person opening a page goes to the login page and comes back; a page's own call (it sends
     * {@code X-Requested-With}) and a page's script or style get a bare 401 (the page answers it by going to the login
     * page), with no browser password dialog; a program calling {@code /api} or the API's description gets HTTP Basic's
     * challenge.
     */
    static final AuthenticationEntryPoint LOGIN = new AuthenticationEntryPoint() {
        private final BasicAuthenticationEntryPoint basic = basic();

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean program = path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
            boolean apiDescription = path.startsWith("/swagger-ui");
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (!program && accept != null && accept.contains("text/html")) {
                String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + "/login?return="
                        + URLEncoder.encode(back, StandardCharsets.UTF_8));
            } else if ((!program && !apiDescription) || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                // A page's script, style or call: no challenge, which would open the browser's password dialog.
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"https://doudi.org/problems/login\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"请先登录 / please log in\"}");
            } else {
                basic.commence(request, response, e);
            }
        }

        private static BasicAuthenticationEntryPoint basic() {
            BasicAuthenticationEntryPoint b = new BasicAuthenticationEntryPoint();
            b.setRealmName("doudi");
            return b;
        }
    };

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
