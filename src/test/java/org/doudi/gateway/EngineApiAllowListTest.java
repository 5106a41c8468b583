package org.doudi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.*;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The allow-list is complete: every resource the REST starter registers, walked from its JAX-RS
 * annotations (so that an engine upgrade adding resources is covered without anyone remembering), is
 * either on the list or refused to staff with 403 — through {@code /engine-rest}, its named-engine
 * form and the webapps' engine API alike; and every entry of the list is a real resource.
 */
@IntegrationTest
class EngineApiAllowListTest {

    static final String NO_GROUPS = "nogroups";
    static final String NO_GROUPS_PASSWORD = "Kein-Gruppe-2026";
    static final String ANY_ID = "00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;

    RawHttp http;

    /** One resource method of the engine's REST API. */
    record Endpoint(String method, String template) {
        String path() {
            return template.replaceAll("\\{[^}]+}", ANY_ID);
        }
    }

    @BeforeEach
    void setUp() {
        http = new RawHttp(port);
        if (identity.createUserQuery().userId(NO_GROUPS).count() == 0) {
            User u = identity.newUser(NO_GROUPS);
            u.setPassword(NO_GROUPS_PASSWORD);
            identity.saveUser(u);
        }
    }

    /** Every resource method reachable from the engine root, with its path template. */
    static List<Endpoint> endpoints() {
        Set<Endpoint> found = new LinkedHashSet<>();
        walk(DefaultProcessEngineRestServiceImpl.class, "", found, 0);
        return new ArrayList<>(found);
    }

    private static void walk(Class<?> type, String prefix, Set<Endpoint> found, int depth) {
        if (depth > 8) {
            return;
        }
        for (Method m : type.getMethods()) {
            Path path = AnnotationUtils.findAnnotation(m, Path.class);
            String here = prefix + (path == null ? "" : normalise(path.value()));
            String http = httpMethod(m);
            if (http != null) {
                found.add(new Endpoint(http, here.isEmpty() ? "/" : here));
            } else if (path != null) {
                walk(m.getReturnType(), here, found, depth + 1);
            }
        }
    }

    private static String httpMethod(Method m) {
        if (AnnotationUtils.findAnnotation(m, GET.class) != null) {
            return "GET";
        }
        if (AnnotationUtils.findAnnotation(m, POST.class) != null) {
            return "POST";
        }
        if (AnnotationUtils.findAnnotation(m, PUT.class) != null) {
            return "PUT";
        }
        if (AnnotationUtils.findAnnotation(m, DELETE.class) != null) {
            return "DELETE";
        }
        if (AnnotationUtils.findAnnotation(m, OPTIONS.class) != null) {
            return "OPTIONS";
        }
        if (AnnotationUtils.findAnnotation(m, HEAD.class) != null) {
            return "HEAD";
        }
        return null;
    }

    /** {@code {id:.+}} → {@code {id}}; a leading slash, none at the end. */
    private static String normalise(String path) {
        String p = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static boolean allowed(Endpoint e) {
        return EngineApiRoutes.forStaff(e.method(), e.path()).isPresent();
    }

    @Test
    void theWalkFindsTheWholeApi() {
        List<Endpoint> all = endpoints();
        // Camunda 7.24 serves some 400 resource methods; a walk that found few would prove nothing.
        assertThat(all).hasSizeGreaterThan(300);
        assertThat(all).contains(new Endpoint("POST", "/process-definition/key/{key}/start"),
                new Endpoint("POST", "/process-instance/{id}/modification"), new Endpoint("POST", "/message"),
                new Endpoint("POST", "/job/{id}/execute"), new Endpoint("POST", "/deployment/create"),
                new Endpoint("POST", "/task/{id}/complete"));
    }

    @Test
    void everyEntryOfTheListIsARealEndpoint() {
        List<Endpoint> all = endpoints();
        for (EngineApiRoutes.Route route : EngineApiRoutes.STAFF) {
            assertThat(all.stream().anyMatch(e -> route.matches(e.method(), e.path())
                    || route.template().equals("/engine")))
                    .as("allow-list entry %s %s names an engine resource", route.method(), route.template()).isTrue();
        }
    }

    @Test
    void everyEndpointNotOnTheListIsRefusedToStaffOverEngineRest() {
        List<Endpoint> refused = endpoints().stream().filter(e -> !allowed(e)).toList();
        assertThat(refused).hasSizeGreaterThan(250);
        for (String user : List.of(CASEWORKER1, NO_GROUPS)) {
            for (Endpoint e : refused) {
                for (String prefix : List.of("/engine-rest", "/engine-rest/engine/default")) {
                    RawHttp.Answer a = http.send(e.method(), prefix + e.path(), RawHttp.basic(user, passwordOf(user)),
                            hasBody(e) ? "{}" : null);
                    assertThat(a.status()).as("%s %s%s as %s", e.method(), prefix, e.template(), user).isEqualTo(403);
                    assertThat(a.refusedByGuard()).as("refused by the guard: %s", a.body()).isTrue();
                }
            }
        }
    }

    @Test
    void everyEndpointNeedsALoginOverEngineRest() {
        for (Endpoint e : endpoints()) {
            RawHttp.Answer a = http.send(e.method(), "/engine-rest" + e.path(), Map.of(), hasBody(e) ? "{}" : null);
            assertThat(a.status()).as("%s %s anonymous", e.method(), e.template()).isEqualTo(401);
        }
    }

    @Test
    void everyEndpointNotOnTheListIsRefusedToStaffThroughTheWebapps() {
        WebappSession session = WebappSession.login(http, CASEWORKER1, PASSWORD);
        for (Endpoint e : endpoints().stream().filter(e -> !allowed(e)).toList()) {
            for (String prefix : List.of("/camunda/api/engine/engine/default", "/camunda/api/engine")) {
                RawHttp.Answer a = http.send(e.method(), prefix + e.path(), session.headers(), hasBody(e) ? "{}" : null);
                assertThat(a.status()).as("%s %s%s through the webapps", e.method(), prefix, e.template())
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void staffCallsOnTheListReachTheEngine() {
        for (Endpoint e : endpoints().stream().filter(EngineApiAllowListTest::allowed).toList()) {
            RawHttp.Answer a = http.send(e.method(), "/engine-rest" + e.path(), RawHttp.basic(CASEWORKER1, PASSWORD),
                    hasBody(e) ? "{}" : null);
            assertThat(a.body() != null && a.body().contains("engine-api-forbidden"))
                    .as("%s %s is on the list and must not be refused as forbidden: %s", e.method(), e.template(),
                            a.body())
                    .isFalse();
        }
    }

    private static String passwordOf(String user) {
        return NO_GROUPS.equals(user) ? NO_GROUPS_PASSWORD : PASSWORD;
    }

    private static boolean hasBody(Endpoint e) {
        return "POST".equals(e.method()) || "PUT".equals(e.method());
    }
}
