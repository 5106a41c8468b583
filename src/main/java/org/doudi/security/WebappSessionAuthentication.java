package org.doudi.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for Tasklist and Doudi's own pages: a request to {@code /api} or to a page that carries the session of a
 * user logged in to the webapps (Tasklist, Cockpit, Admin, or Doudi's {@code /login}, which logs in there) is that
 * user, with the groups the webapps hold for him — as HTTP Basic would make him. A state-changing request on that
 * session must carry the webapps' CSRF token ({@code X-XSRF-TOKEN}, the value Camunda keeps in the session), or it is
 * a 403: another site's page could otherwise make the browser send the cookie. Requests with an
 * {@code Authorization} header (programs, integrators) are left to HTTP Basic.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    static final String ENGINE = "default";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** Where Camunda's webapps keep the session's CSRF token. */
    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            HttpSession session = request.getSession(false);
            UserAuthentication user = session == null ? null : user(session);
            if (user != null) {
                if (!SAFE_METHODS.contains(request.getMethod()) && !tokenMatches(request, session)) {
                    refuse(response);
                    return;
                }
                List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                        : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
                SecurityContextHolder.setContext(context);
                // Kept for the request's forwards too (a page is forwarded to its HTML), as HTTP Basic keeps it.
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /** The webapps' user of the session, or null. */
    static UserAuthentication user(HttpSession session) {
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        if (all == null) {
            return null;
        }
        org.camunda.bpm.webapp.impl.security.auth.Authentication a = all.getAuthenticationForProcessEngine(ENGINE);
        return a instanceof UserAuthentication u && u.getIdentityId() != null ? u : null;
    }

    private static boolean tokenMatches(HttpServletRequest request, HttpSession session) {
        Object token = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
        String given = request.getHeader(CSRF_HEADER);
        return token != null && given != null && token.toString().equals(given);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"https://doudi.org/problems/csrf\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"请求缺少有效的 CSRF 令牌（请刷新页面后重试） / a request with the webapps' session needs their"
                + " CSRF token\"}");
    }
}
