package org.doudi.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records {@code /api} requests in the trail once they are answered: every write (any method but GET,
 * HEAD and OPTIONS), every request refused with 401 or 403, and every read of a person's full record
 * ({@code GET /api/cases/{caseNumber}}, action {@code case.read}; a written notice of it,
 * {@code GET /api/cases/{caseNumber}/documents/{kind}}, action {@code case.document}, its path the target).
 * The detail holds the HTTP status and, for a JSON body, its top-level field names, never their values (they
 * hold resident IDs).
 * <p>
 * The entry is written after the answer is decided: the act is done by then, so a failed audit write
 * is logged (by the trail) and the answer stands; turning it into a 500 would not undo the act and would
 * invite the client to repeat it.
 */
final class ApiAuditFilter extends OncePerRequestFilter {

    static final String ACTOR_ATTRIBUTE = ApiAuditFilter.class.getName() + ".actor";
    static final String CASE_READ = "case.read";
    private static final String CASE_PATTERN = "/api/cases/{caseNumber}";
    /** A written notice of a case (documents/) prints the applicant and household: a read of the record too. */
    static final String DOCUMENT_READ = "case.document";
    private static final String DOCUMENT_PATTERN = "/api/cases/{caseNumber}/documents/{kind}";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern CASE_LOCATION = Pattern.compile("/api/cases/([^/?#]+)$");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}(\\d{3}){0,2}");
    /** Enough of a body for its top-level names; the rest is neither kept nor read twice. */
    private static final int BODY_CACHE_LIMIT = 64 * 1024;
    private static final int MAX_NAMES = 30;
    private static final JsonFactory JSON = new JsonFactory();

    private final AuditTrail trail;
    private final JdbcTemplate jdbc;

    ApiAuditFilter(AuditTrail trail, JdbcTemplate jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean write = !READS.contains(request.getMethod());
        HttpServletRequest req = write && isJson(request)
                ? new ContentCachingRequestWrapper(request, BODY_CACHE_LIMIT) : request;
        boolean failed = true;
        try {
            chain.doFilter(req, response);
            failed = false;
        } finally {
            if (req.isAsyncStarted()) {
                req.getAsyncContext().addListener(new WhenDone(req, response));
            } else {
                recordQuietly(req, failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(),
                        response);
            }
        }
    }

    private final class WhenDone implements AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        WhenDone(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            recordQuietly(request, response.getStatus(), response);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    private void recordQuietly(HttpServletRequest request, int status, HttpServletResponse response) {
        try {
            AuditEvent event = eventFor(request, status, response);
            if (event != null) {
                trail.record(event);
            }
        } catch (DataAccessException alreadyLogged) {
            // the trail logged it; the answer stands (see the class comment)
        } catch (RuntimeException e) {
            logger.error("an /api request could not be audited: " + ChainedAuditTrail.describe(e));
        }
    }

    /** The entry for an answered request, or {@code null} when it is not one to record. */
    AuditEvent eventFor(HttpServletRequest request, int status, HttpServletResponse response) {
        String method = request.getMethod();
        String path = path(request);
        String pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p
                && p.startsWith("/api/") ? p : null;
        boolean refused = status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN;
        boolean write = !READS.contains(method);
        boolean documentRead = "GET".equals(method) && DOCUMENT_PATTERN.equals(pattern);
        boolean caseRead = "GET".equals(method) && CASE_PATTERN.equals(pattern) || documentRead;
        if (!write && !refused && !caseRead) {
            return null;
        }
        Map<String, String> variables = pathVariables(request);
        String caseNumber = variables.get("caseNumber");
        if (caseNumber == null && status / 100 == 2 && response.getHeader("Location") != null) {
            Matcher created = CASE_LOCATION.matcher(response.getHeader("Location"));
            caseNumber = created.find() ? created.group(1) : null;
        }
        Body body = bodyOf(request);
        String region = caseNumber != null ? countyOfCase(caseNumber) : null;
        if (region == null) {
            region = variables.values().stream().filter(v -> DIVISION_CODE.matcher(v).matches()).findFirst()
                    .orElse(body.divisionCode());
        }
        String action = documentRead ? DOCUMENT_READ
                : caseRead ? CASE_READ : "api." + method + " " + (pattern != null ? pattern : path);
        String target = caseNumber != null && !documentRead ? caseNumber : path;
        return new AuditEvent(actor(request), action, target, caseNumber, region,
                outcome(status), detail(status, request, body), request.getRemoteAddr());
    }

    static String outcome(int status) {
        if (status >= 500) {
            return AuditEvent.FAILED;
        }
        return status >= 400 ? AuditEvent.REFUSED : AuditEvent.SUCCESS;
    }

    private static String actor(HttpServletRequest request) {
        return request.getAttribute(ACTOR_ATTRIBUTE) instanceof String user ? user : "anonymous";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> m
                ? (Map<String, String>) m : Map.of();
    }

    private String countyOfCase(String caseNumber) {
        List<String> county = jdbc.queryForList("select county_code from assistance_case where case_number = ?",
                String.class, caseNumber);
        return county.isEmpty() ? null : county.get(0);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String detail(int status, HttpServletRequest request, Body body) {
        StringBuilder s = new StringBuilder("HTTP ").append(status);
        List<String> parameters = parameterNames(request.getQueryString());
        if (!parameters.isEmpty()) {
            s.append("; parameters: ").append(String.join(", ", parameters));
        }
        if (body.json()) {
            s.append("; fields: ").append(body.names().isEmpty() ? "(none)" : String.join(", ", body.names()));
            if (body.incomplete()) {
                s.append(" …");
            }
        } else if (request.getContentType() != null && !READS.contains(request.getMethod())) {
            s.append("; body: ").append(request.getContentType().split(";")[0].trim());
        }
        return s.toString();
    }

    /** The names of the query parameters, never their values. */
    private static List<String> parameterNames(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (!name.isEmpty() && names.size() < MAX_NAMES) {
                names.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(names);
    }

    /**
     * What the top level of a JSON body showed: its field names, and the division code of a
     * {@code villageCode} or {@code region} field (a refused application still belongs to a county).
     */
    private record Body(boolean json, List<String> names, boolean incomplete, String divisionCode) {
        static final Body NONE = new Body(false, List.of(), false, null);
    }

    private static Body bodyOf(HttpServletRequest request) {
        if (!(request instanceof ContentCachingRequestWrapper cached)) {
            return Body.NONE;
        }
        byte[] content = cached.getContentAsByteArray();
        if (content.length == 0) {
            // Refused before anything read it (401): there are no names to tell.
            return Body.NONE;
        }
        List<String> names = new ArrayList<>();
        String division = null;
        boolean incomplete = false;
        try (JsonParser parser = JSON.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Body(true, List.of(), false, null);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (names.size() < MAX_NAMES) {
                    names.add(name);
                } else {
                    incomplete = true;
                }
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && ("villageCode".equals(name) || "region".equals(name))
                        && division == null && DIVISION_CODE.matcher(parser.getText()).matches()) {
                    division = parser.getText();
                }
                parser.skipChildren();
            }
            if (token != JsonToken.END_OBJECT) {
                incomplete = true;
            }
        } catch (IOException | RuntimeException malformedOrCut) {
            incomplete = true;
        }
        return new Body(true, names, incomplete, division);
    }

    /** Runs inside Spring Security's chain: notes the authenticated user for the recording filter. */
    static final class ActorCapture extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                request.setAttribute(ACTOR_ATTRIBUTE, user.getName());
            }
            chain.doFilter(request, response);
        }
    }
}
