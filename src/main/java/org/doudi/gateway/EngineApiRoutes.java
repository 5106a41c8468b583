package org.doudi.gateway;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The allow-list of the engine's REST API for staff (everyone but operators): exactly the calls Tasklist
 * makes for a user's own work. Everything not listed here is refused with 403 before it reaches the
 * engine: process starts other than a start form, instance modification and restart, messages and
 * signals (objections go through {@code /api}), conditional events, jobs, job definitions, batches,
 * incidents, deployments, external tasks, history deletion, user and group administration.
 * Operators ({@code camunda-admin}) keep the whole API; what they change is audited.
 *
 * <p>Paths are relative to the engine root: {@code /engine-rest/task/{id}} and
 * {@code /camunda/api/engine/engine/default/task/{id}} are both {@code /task/{id}}. A segment in braces
 * matches exactly one path segment.
 */
final class EngineApiRoutes {

    /** What a route does, for the audit trail and for the guard's own handling. */
    public enum Kind {
        /** Reads (some of them are POST queries, such as Tasklist's filter lists). */
        READ,
        /** Changes something; audited. */
        WRITE
    }

    /** An allowed call. {@code handling} names the guard's own treatment, if any. */
    public record Route(String method, String template, Kind kind, Handling handling) {

        public Route {
            if (!template.startsWith("/")) {
                throw new IllegalArgumentException(template);
            }
        }

        boolean matches(String method, String path) {
            return this.method.equals(method) && pattern().matcher(path).matches();
        }

        Pattern pattern() {
            return PATTERNS.computeIfAbsent(template, t -> Pattern.compile(
                    t.replace(".", "\\.").replace("-", "\\-").replaceAll("\\{[^/}]+}", "[^/]+")));
        }
    }

    /** What the guard does with an allowed call before (or instead of) the engine. */
    public enum Handling {
        /** Passed on as it is; the engine's authorizations apply. */
        PASS,
        /** Claiming: only for oneself. */
        CLAIM,
        /** Completing a task: only the fields of its form, with plain values. */
        COMPLETE,
        /** Unclaiming: the assignee gives his own task back. */
        UNCLAIM,
        /** Updating a task: only its follow-up date, by its assignee or a candidate. */
        FOLLOW_UP,
        /** A start form: the application is registered by the intake, which starts the process. */
        START_FORM
    }

    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Kind R = Kind.READ;
    private static final Kind W = Kind.WRITE;

    /** The calls staff may make. */
    static final List<Route> STAFF = List.of(
            // the engine and who is logged in
            route("GET", "/engine", R), route("GET", "/version", R),
            route("GET", "/user/{id}/profile", R), route("GET", "/user", R), route("GET", "/user/count", R),
            route("GET", "/group", R), route("GET", "/group/count", R), route("GET", "/group/{id}", R),
            route("GET", "/identity/groups", R), route("GET", "/authorization/check", R),
            // Tasklist filters: listed and run; creating one is left to the engine's FILTER authorizations
            route("GET", "/filter", R), route("GET", "/filter/count", R), route("OPTIONS", "/filter", R),
            route("GET", "/filter/{id}", R), route("OPTIONS", "/filter/{id}", R),
            route("GET", "/filter/{id}/list", R), route("POST", "/filter/{id}/list", R),
            route("GET", "/filter/{id}/count", R), route("POST", "/filter/{id}/count", R),
            route("GET", "/filter/{id}/singleResult", R), route("POST", "/filter/{id}/singleResult", R),
            route("POST", "/filter/create", W), route("PUT", "/filter/{id}", W), route("DELETE", "/filter/{id}", W),
            // tasks: list, count, read, forms
            route("GET", "/task", R), route("POST", "/task", R),
            route("GET", "/task/count", R), route("POST", "/task/count", R),
            route("GET", "/task/{id}", R), route("GET", "/task/{id}/form", R),
            route("GET", "/task/{id}/deployed-form", R), route("GET", "/task/{id}/rendered-form", R),
            route("GET", "/task/{id}/form-variables", R), route("GET", "/task/{id}/variables", R),
            route("GET", "/task/{id}/identity-links", R), route("GET", "/task/{id}/comment", R),
            route("GET", "/task/{id}/comment/{commentId}", R),
            // tasks: the user's own work
            new Route("POST", "/task/{id}/claim", W, Handling.CLAIM),
            new Route("POST", "/task/{id}/unclaim", W, Handling.UNCLAIM),
            new Route("POST", "/task/{id}/complete", W, Handling.COMPLETE),
            new Route("POST", "/task/{id}/submit-form", W, Handling.COMPLETE),
            new Route("PUT", "/task/{id}", W, Handling.FOLLOW_UP),
            // a supervisor hands an escalated task to someone (the engine checks TASK_ASSIGN)
            route("POST", "/task/{id}/assignee", W),
            route("POST", "/task/{id}/comment/create", W),
            // the task's history tab and diagram
            route("GET", "/history/user-operation", R), route("GET", "/history/user-operation/count", R),
            route("GET", "/process-instance/{id}/activity-instances", R),
            // start forms
            route("GET", "/process-definition", R), route("GET", "/process-definition/count", R),
            route("GET", "/process-definition/{id}", R), route("GET", "/process-definition/key/{key}", R),
            route("GET", "/process-definition/{id}/xml", R), route("GET", "/process-definition/key/{key}/xml", R),
            route("GET", "/process-definition/{id}/startForm", R),
            route("GET", "/process-definition/key/{key}/startForm", R),
            route("GET", "/process-definition/{id}/deployed-start-form", R),
            route("GET", "/process-definition/key/{key}/deployed-start-form", R),
            route("GET", "/process-definition/{id}/rendered-form", R),
            route("GET", "/process-definition/{id}/form-variables", R),
            route("GET", "/process-definition/key/{key}/form-variables", R),
            new Route("POST", "/process-definition/{id}/submit-form", W, Handling.START_FORM),
            new Route("POST", "/process-definition/key/{key}/submit-form", W, Handling.START_FORM));

    /**
     * Calls that operators make which the guard still treats itself: completions and start forms are
     * checked for everyone (an operator cannot complete a decision with a forged summary either).
     */
    static final List<Route> ALWAYS_HANDLED = STAFF.stream()
            .filter(r -> r.handling() == Handling.COMPLETE || r.handling() == Handling.START_FORM).toList();

    private EngineApiRoutes() {
    }

    private static Route route(String method, String template, Kind kind) {
        return new Route(method, template, kind, Handling.PASS);
    }

    /** The staff route a call matches, if it is allowed to staff at all. */
    public static Optional<Route> forStaff(String method, String path) {
        String normalised = normalise(path);
        return STAFF.stream().filter(r -> r.matches(method, normalised)).findFirst();
    }

    /** The route of an operator's call that the guard checks as for staff, if any. */
    static Optional<Route> handledForOperators(String method, String path) {
        String normalised = normalise(path);
        return ALWAYS_HANDLED.stream().filter(r -> r.matches(method, normalised)).findFirst();
    }

    /**
     * Whether an operator's call changes something (to be audited). Reads are GET, HEAD, OPTIONS and
     * the engine's POST queries ({@code …/count}, {@code …/list}, a POST on a collection root that the
     * engine treats as a query).
     */
    static boolean isWrite(String method, String path) {
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String p = normalise(path);
        if ("POST".equals(method)) {
            if (p.endsWith("/count") || p.endsWith("/list") || p.endsWith("/singleResult")
                    || p.endsWith("/check") || p.endsWith("/statistics")) {
                return false;
            }
            // A POST on a collection root is a query: /task, /process-instance, /history/task …
            return !QUERY_ROOTS.matcher(p).matches();
        }
        return true;
    }

    /** The collections whose POST is a query, not a change. */
    private static final Pattern QUERY_ROOTS = Pattern.compile(
            "/(task|process-instance|execution|variable-instance|external-task|job|event-subscription"
                    + "|history/(process-instance|activity-instance|task|variable-instance|detail|decision-instance"
                    + "|incident|job-log|external-task-log|identity-link-log|user-operation))");

    /** Without a trailing slash (the engine serves both), never empty. */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.startsWith("/") ? p : "/" + p;
    }
}
