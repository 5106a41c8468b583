package org.doudi.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request enters the engine's REST API, and the path relative to the engine. The same engine
 * API is served four ways: {@code /engine-rest/…}, {@code /engine-rest/engine/default/…}, and the
 * webapps' {@code /camunda/api/engine/…} and {@code /camunda/api/engine/engine/default/…}; the
 * allow-list speaks of the engine-relative path only, so none of them is a way around it.
 *
 * @param entry    how the caller authenticates
 * @param relative the engine-relative path, e.g. {@code /task/1234/complete}; {@code null} for webapp
 *                 paths that are not the engine API (Cockpit, Admin, Tasklist plugins, login)
 */
record EnginePath(Entry entry, String relative) {

    enum Entry {
        /** {@code /engine-rest}: HTTP Basic on every request. */
        REST,
        /** {@code /camunda/api}: the webapps' session, with their CSRF token. */
        WEBAPP
    }

    static final String REST_PREFIX = "/engine-rest";
    static final String WEBAPP_PREFIX = "/camunda/api";
    private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(/.*)?$");

    static EnginePath of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Matrix parameters (";jsessionid=…") and encoded slashes must not hide a path from the list.
        path = path.replaceAll(";[^/]*", "");
        if (path.startsWith(REST_PREFIX + "/") || path.equals(REST_PREFIX)) {
            return new EnginePath(Entry.REST, engineRelative(path.substring(REST_PREFIX.length())));
        }
        String webappEngine = WEBAPP_PREFIX + "/engine";
        if (path.startsWith(webappEngine + "/") || path.equals(webappEngine)) {
            return new EnginePath(Entry.WEBAPP, engineRelative(path.substring(webappEngine.length())));
        }
        return new EnginePath(Entry.WEBAPP, null);
    }

    /** The path below the engine: {@code /engine/default/task} is {@code /task}; {@code /engine} lists engines. */
    static String engineRelative(String rest) {
        if (rest.isEmpty() || "/".equals(rest)) {
            return "/";
        }
        Matcher named = NAMED_ENGINE.matcher(rest);
        if (named.matches()) {
            return EngineApiRoutes.normalise(named.group(1));
        }
        return EngineApiRoutes.normalise(rest);
    }

    boolean isEngineApi() {
        return relative != null;
    }
}
