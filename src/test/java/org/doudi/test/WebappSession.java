package org.doudi.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user logged in to the webapps as a browser is: session cookie and CSRF token, for {@link RawHttp}. */
public final class WebappSession {

    private static final Pattern COOKIE = Pattern.compile("(JSESSIONID|XSRF-TOKEN)=([^;,]+)");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    private WebappSession() {
    }

    public static WebappSession login(RawHttp http, String user, String password) {
        WebappSession s = new WebappSession();
        s.take(http.send("GET", "/camunda/api/admin/auth/user/default", Map.of(), (String) null));
        Map<String, String> headers = s.headers();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        RawHttp.Answer login = http.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers,
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + user + " answered " + login.status() + ": " + login.body());
        }
        s.take(login);
        // The token may be renewed with the session: ask for it once more.
        s.take(http.send("GET", "/camunda/api/admin/auth/user/default", s.headers(), (String) null));
        return s;
    }

    private void take(RawHttp.Answer answer) {
        String setCookie = answer.headers().getOrDefault("set-cookie", "");
        Matcher m = COOKIE.matcher(setCookie);
        while (m.find()) {
            cookies.put(m.group(1), m.group(2));
        }
        String token = answer.headers().get("x-xsrf-token");
        if (token != null && !"Required".equals(token)) {
            cookies.put("XSRF-TOKEN", token);
        }
    }

    /** Cookie and CSRF header, as Tasklist sends them. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        StringBuilder c = new StringBuilder();
        cookies.forEach((k, v) -> c.append(c.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        if (!c.isEmpty()) {
            h.put("Cookie", c.toString());
        }
        if (cookies.containsKey("XSRF-TOKEN")) {
            h.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        return h;
    }
}
