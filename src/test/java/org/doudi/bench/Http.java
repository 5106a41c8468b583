package org.doudi.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.doudi.test.RawHttp;
import org.doudi.test.WebappSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The benchmark's HTTP client: basic-auth calls as the demo users, and Tasklist's webapp sessions. */
final class Http {

    static final String PASSWORD = "demo";
    static final ObjectMapper JSON = new ObjectMapper();

    /** At 250 000 tasks a stock query can take minutes: the benchmark waits (RawHttp gives up after 30 s). */
    static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(Integer.getInteger("bench.httpTimeout", 600));

    private final RawHttp raw;
    private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, WebappSession> sessions = new LinkedHashMap<>();

    Http(int port) {
        this.raw = new RawHttp(port);
        this.base = "http://localhost:" + port;
    }

    private RawHttp.Answer send(String method, String path, Map<String, String> headers, String body) {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).timeout(TIMEOUT);
        headers.forEach(b::header);
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        try {
            var r = client.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
            return new RawHttp.Answer(r.statusCode(), r.body(), h);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    RawHttp.Answer get(String user, String path) {
        return send("GET", path, RawHttp.basic(user, PASSWORD), null);
    }

    RawHttp.Answer post(String user, String path, String json) {
        return send("POST", path, RawHttp.basic(user, PASSWORD), json);
    }

    /** As Tasklist sends it: the user's webapp session cookie and CSRF header, JSON or HAL accepted. */
    RawHttp.Answer webapp(String user, String method, String path, String json, String accept) {
        WebappSession s = sessions.computeIfAbsent(user, u -> WebappSession.login(raw, u, PASSWORD));
        Map<String, String> h = s.headers();
        h.put("Accept", accept);
        if (json != null) {
            h.put("Content-Type", "application/json");
        }
        return send(method, path, h, json);
    }

    /** The answer's body as JSON, or a failure naming the request when it is not 2xx. */
    static JsonNode ok(RawHttp.Answer a, String what) {
        if (a.status() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + a.status() + ": " + a.body());
        }
        try {
            return a.body() == null || a.body().isEmpty() ? JSON.nullNode() : JSON.readTree(a.body());
        } catch (Exception e) {
            throw new IllegalStateException(what + ": " + a.body(), e);
        }
    }
}
