package org.doudi.security;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells the login throttle which client address a request comes from, on every path (the webapps' login,
 * {@code /engine-rest}, {@code /api}), and delivers the request's login events when it ends.
 * <p>
 * The address is {@code request.getRemoteAddr()}. Behind a reverse proxy that is the proxy's address for
 * everyone (and one guesser would lock out all users): set {@code server.forward-headers-strategy: native}
 * and {@code server.tomcat.remoteip.internal-proxies} to exactly the proxy, so that Tomcat takes the client
 * from {@code X-Forwarded-For} — from that proxy only, since anyone else could write the header. Ordered
 * after Spring's own {@code ForwardedHeaderFilter} (strategy {@code framework}), which runs first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClientAddressFilter extends OncePerRequestFilter {

    private final LoginEventPublisher events;

    ClientAddressFilter(LoginEventPublisher events) {
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginRequest login = LoginRequest.begin(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            events.deliver(login.end());
        }
    }
}
