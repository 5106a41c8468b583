package org.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.CASEWORKER1;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.VILLAGE_A1;

import java.util.HashMap;
import java.util.Map;

import org.doudi.test.IntegrationTest;
import org.doudi.test.RawHttp;
import org.doudi.test.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Doudi's pages and their calls to {@code /api} on the webapps' login: a page without a session goes to {@code /login}
 * and back, a page's own call gets a bare 401 (no password dialog), a program still gets HTTP Basic; the session of
 * Tasklist is the user everywhere, a state-changing call on it needs the webapps' CSRF token, and logging out of the
 * webapps ends it for the pages too.
 */
@IntegrationTest
class WebappLoginTest {

    @LocalServerPort
    int port;
    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> h = new HashMap<>(headers);
        h.put(name, value);
        return h;
    }

    @Test
    void withoutASessionAPageGoesToTheLoginPageAndACallGetsA401() {
        RawHttp.Answer page = http.send("GET", "/warnings/?region=130102", Map.of("Accept", "text/html"), (String) null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().get("location")).endsWith("/login?return=%2Fwarnings%2F%3Fregion%3D130102");
        assertThat(http.send("GET", "/cases/DB-2026-130102100-000001", Map.of("Accept", "text/html"), (String) null)
                .headers().get("location")).contains("/login?return=%2Fcases%2FDB-2026-130102100-000001");
        assertThat(http.send("GET", "/login", Map.of("Accept", "text/html"), (String) null).body()).contains("登录");

        RawHttp.Answer call = http.send("GET", "/api/me", Map.of("X-Requested-With", "XMLHttpRequest"), (String) null);
        assertThat(call.status()).isEqualTo(401);
        assertThat(call.headers()).doesNotContainKey("www-authenticate");
        assertThat(call.body()).contains("请先登录");
        RawHttp.Answer program = http.send("GET", "/api/me", Map.of(), (String) null);
        assertThat(program.status()).isEqualTo(401);
        assertThat(program.headers().get("www-authenticate")).startsWith("Basic");
        assertThat(http.send("GET", "/api/me", RawHttp.basic(CASEWORKER1, PASSWORD), (String) null).status())
                .isEqualTo(200);
    }

    @Test
    void theWebappsSessionIsTheUserOnThePagesWithItsCsrfTokenUntilHeLogsOut() {
        WebappSession session = WebappSession.login(http, CASEWORKER1, PASSWORD);
        Map<String, String> cookie = new HashMap<>(session.headers());
        String token = cookie.remove("X-XSRF-TOKEN");

        RawHttp.Answer me = http.send("GET", "/api/me", cookie, (String) null);
        assertThat(me.headers()).as("the webapps' session keeps its id").doesNotContainKey("set-cookie");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).contains("\"userId\":\"" + CASEWORKER1 + "\"").contains("township-130102100");
        RawHttp.Answer page = http.send("GET", "/warnings/", with(cookie, "Accept", "text/html"), (String) null);
        assertThat(page.status()).as(page.headers().toString()).isEqualTo(200);

        String report = "{\"channel\":\"HOTLINE\",\"kind\":\"OTHER\",\"about\":{\"name\":\"会话甲\",\"villageCode\":\""
                + VILLAGE_A1 + "\"},\"text\":\"会话登录测试\"}";
        Map<String, String> json = with(cookie, "Content-Type", "application/json");
        RawHttp.Answer forged = http.send("POST", "/api/hotline-reports", json, report);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(http.send("POST", "/api/hotline-reports", with(json, "X-XSRF-TOKEN", "wrong"), report).status())
                .isEqualTo(403);
        RawHttp.Answer taken = http.send("POST", "/api/hotline-reports", with(json, "X-XSRF-TOKEN", token), report);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);

        assertThat(http.send("POST", "/camunda/api/admin/auth/user/default/logout", session.headers(), "").status())
                .isEqualTo(200);
        assertThat(http.send("GET", "/api/me", with(cookie, "X-Requested-With", "XMLHttpRequest"), (String) null)
                .status()).isEqualTo(401);
    }
}
