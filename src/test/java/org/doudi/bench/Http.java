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

    private final RawHttp raw;
    private final Map<String, WebappSession> sessions = new LinkedHashMap<>();

    Http(int port) {
        this.raw = new RawHttp(port);
    }

    RawHttp.Answer get(String user, String path) {
        return raw.send("GET", path, RawHttp.basic(user, PASSWORD), (String) null);
    }

    RawHttp.Answer post(String user, String path, String json) {
        return raw.send("POST", path, RawHttp.basic(user, PASSWORD), json);
    }

    /** As Tasklist sends it: the user's webapp session cookie and CSRF header, JSON or HAL accepted. */
    RawHttp.Answer webapp(String user, String method, String path, String json, String accept) {
        WebappSession s = sessions.computeIfAbsent(user, u -> WebappSession.login(raw, u, PASSWORD));
        Map<String, String> h = s.headers();
        h.put("Accept", accept);
        if (json != null) {
            h.put("Content-Type", "application/json");
        }
        return raw.send(method, path, h, json);
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
