package org.doudi.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.test.Demo;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The three ways in, over real HTTP, from a client address of the test's choosing (the test profile trusts
 * {@code X-Forwarded-For} from 127.0.0.1, as behind a proxy); users of the test's own, with the policy's
 * kind of password; the login events; and the clean-up of everything a test locked.
 */
final class LoginClient implements AutoCloseable {

    /** Meets the password policy and contains nothing of the test users' data. */
    static final String PASSWORD = "Wq7!zebra-Lantern";
    static final String WRONG = "Wq7!zebra-Lanterns";
    static final String LOCAL = "127.0.0.1";

    private final TestRestTemplate http;
    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final ConfigurableApplicationContext context;
    private final List<String> users = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>(List.of(LOCAL));
    private final List<String> demoUsers = new ArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    /**
     * Takes every event and picks the login events: Spring Modulith's event multicaster (spring-modulith-starter-jpa)
     * hands a listener of unresolvable type every event, without the default multicaster's forgiveness of a lambda
     * that cannot take it.
     */
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && (p.getPayload() instanceof LoginEvents.Failed
                || p.getPayload() instanceof LoginEvents.Locked || p.getPayload() instanceof LoginEvents.Unlocked)) {
            events.add(p.getPayload());
        }
    };

    LoginClient(TestRestTemplate http, IdentityService identity, LoginThrottle throttle,
            ConfigurableApplicationContext context) {
        this.http = http;
        this.identity = identity;
        this.throttle = throttle;
        this.context = context;
        context.addApplicationListener(listener);
    }

    /** A new user of caseworker2's township (Tasklist access, no tasks of his own), with {@link #PASSWORD}. */
    String newUser(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User u = identity.newUser(id);
        u.setFirstName("测试");
        u.setLastName("用户");
        u.setPassword(PASSWORD);
        identity.saveUser(u);
        identity.createMembership(id, "township-" + Demo.TOWNSHIP_A2);
        users.add(id);
        return id;
    }

    /** A client address of this test only (TEST-NET-2, RFC 5737). */
    String newAddress() {
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        while (addresses.contains(address)) {
            address = "198.51.100." + (1 + (int) (Math.random() * 250));
        }
        throttle.clearAddress(address);
        addresses.add(address);
        return address;
    }

    /** A demo user the test locks: unlocked again at the end. */
    String demoUser(String id) {
        demoUsers.add(id);
        return id;
    }

    HttpStatusCode api(String user, String password, String address) {
        return basic("/api/me", user, password, address).getStatusCode();
    }

    HttpStatusCode engineRest(String user, String password, String address) {
        return basic("/engine-rest/task", user, password, address).getStatusCode();
    }

    ResponseEntity<String> basic(String path, String user, String password, String address) {
        HttpHeaders headers = from(address);
        headers.setBasicAuth(user, password);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The webapps' login form, as Tasklist sends it (with the session's CSRF token). */
    HttpStatusCode webapp(String user, String password, String address) {
        ResponseEntity<String> probe = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(from(address)), String.class);
        HttpHeaders headers = from(address);
        headers.set("X-XSRF-TOKEN", probe.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.set(HttpHeaders.COOKIE, cookies(probe));
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class).getStatusCode();
    }

    /** A logged-in session of a Camunda webapp, as the browser holds it: session cookie and CSRF token. */
    record WebappSession(TestRestTemplate http, String cookie, String token) {

        HttpStatusCode post(String path) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.COOKIE, cookie);
            headers.set("X-XSRF-TOKEN", token);
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> answer = http.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers),
                    String.class);
            if (answer.getStatusCode().is5xxServerError()) {
                throw new IllegalStateException("POST " + path + " answered " + answer.getStatusCode() + ": "
                        + answer.getBody());
            }
            return answer.getStatusCode();
        }
    }

    /** Logs in to a webapp ({@code admin}, {@code tasklist} …) and fetches the new session's CSRF token. */
    WebappSession webappSession(String app, String user, String password) {
        ResponseEntity<String> probe = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                HttpEntity.EMPTY, String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-XSRF-TOKEN", probe.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.set(HttpHeaders.COOKIE, cookies(probe));
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/" + app,
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        if (!login.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException("webapp login of " + user + ": " + login.getStatusCode());
        }
        // The login starts a new session (against session fixation), which gets a token of its own.
        String session = cookies(login);
        HttpHeaders next = new HttpHeaders();
        next.set(HttpHeaders.COOKIE, session);
        ResponseEntity<String> fetch = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(next), String.class);
        // The webapps hand out a token only to a session that has none; a new session may inherit the old one's.
        String token = java.util.stream.Stream.of(fetch, login, probe).map(r -> r.getHeaders().getFirst("X-XSRF-TOKEN"))
                .filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("no CSRF token for the session of " + user));
        String fetched = cookies(fetch);
        return new WebappSession(http, fetched.isEmpty() ? session : session + "; " + fetched, token);
    }

    private static String cookies(ResponseEntity<?> response) {
        return String.join("; ", response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
    }

    static HttpHeaders from(String address) {
        HttpHeaders headers = new HttpHeaders();
        if (address != null && !LOCAL.equals(address)) {
            headers.set("X-Forwarded-For", address);
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> events(Class<T> type) {
        return (List<T>) events.stream().filter(type::isInstance).toList();
    }

    void clearEvents() {
        events.clear();
    }

    /** Moves the engine clock (and with it the application's) this far from the real time. */
    static void clockAhead(java.time.Duration ahead) {
        ClockUtil.offset(ahead.toMillis());
    }

    @Override
    public void close() {
        ClockUtil.reset();
        context.removeApplicationListener(listener);
        for (String id : users) {
            identity.deleteUser(id);
        }
        for (String id : demoUsers) {
            throttle.clearUser(id);
        }
        for (String address : addresses) {
            throttle.clearAddress(address);
        }
    }
}
