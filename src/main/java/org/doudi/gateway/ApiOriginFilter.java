package org.doudi.gateway;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.doudi.audit.AuditEvent;
import org.doudi.audit.AuditTrail;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses cross-site state-changing requests to {@code /api} ({@link OriginCheck}) with a 403 problem. */
class ApiOriginFilter extends OncePerRequestFilter {

    private final OriginCheck origins;
    private final AuditTrail audit;

    ApiOriginFilter(OriginCheck origins, AuditTrail audit) {
        this.origins = origins;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = origins.refusal(request, true);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://doudi.org/problems/cross-site");
        problem.put("title", "不允许 (Forbidden)");
        problem.put("status", 403);
        problem.put("detail", refusal);
        response.setStatus(403);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(StartForms.toJson(problem));
        audit.record(new AuditEvent("anonymous", "api." + request.getMethod() + " " + request.getRequestURI(),
                EngineApiGuard.safe(request.getRequestURI()), null, null, AuditEvent.REFUSED,
                "HTTP 403; " + refusal, request.getRemoteAddr()));
    }
}
