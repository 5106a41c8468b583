package org.doudi.gateway;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Cross-site request forgery: a browser sends cached HTTP Basic credentials and session cookies with
 * requests that any other web page makes it send. A state-changing request is refused when it comes
 * from a foreign origin ({@code Origin}, else {@code Referer}, else {@code Sec-Fetch-Site}), or when it
 * carries a webapp session without the webapps' CSRF token. Programs (curl, integrators, Camunda
 * Modeler) send none of these headers and are not affected.
 */
final class OriginCheck {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** Where Camunda's webapps keep the session's CSRF token. */
    static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;

    OriginCheck(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .toList();
    }

    /** Why the request is refused, or {@code null}. */
    String refusal(HttpServletRequest request, boolean checkSessionToken) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !"null".equals(origin)) {
            if (!sameOrigin(request, origin)) {
                return "跨站请求被拒绝：来源 " + origin + " 不是本系统 (cross-site request refused)";
            }
        } else if ("null".equals(origin)) {
            return "跨站请求被拒绝：来源不明 (opaque origin refused)";
        } else {
            String referer = request.getHeader("Referer");
            if (referer != null && !sameOrigin(request, originOf(referer))) {
                return "跨站请求被拒绝：引用页不是本系统 (cross-site request refused)";
            }
            String site = request.getHeader("Sec-Fetch-Site");
            if (referer == null && site != null && !"same-origin".equals(site) && !"none".equals(site)) {
                return "跨站请求被拒绝 (cross-site request refused: " + site + ")";
            }
        }
        if (checkSessionToken) {
            HttpSession session = request.getSession(false);
            Object token = session == null ? null : session.getAttribute(CSRF_SESSION_ATTRIBUTE);
            if (session != null && request.isRequestedSessionIdValid()) {
                String given = request.getHeader(CSRF_HEADER);
                if (token == null || given == null || !token.toString().equals(given)) {
                    return "请求缺少有效的 CSRF 令牌 (a request with a browser session needs the webapps' CSRF token)";
                }
            }
        }
        return null;
    }

    private boolean sameOrigin(HttpServletRequest request, String origin) {
        if (origin == null) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (allowedOrigins.contains(o)) {
            return true;
        }
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String self = scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        return self.equals(o);
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
