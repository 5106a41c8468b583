package org.doudi.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.doudi.audit.AuditEvent;
import org.doudi.audit.AuditTrail;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseStateException;
import org.doudi.cases.DuplicateCaseException;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.gateway.EngineApiRoutes.Handling;
import org.doudi.gateway.EngineApiRoutes.Route;
import org.doudi.shared.FieldLabels;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one door to the engine's REST API, in front of {@code /engine-rest/**} and the webapps'
 * {@code /camunda/api/**}. For every request it
 * <ol>
 * <li>refuses cross-site requests ({@link OriginCheck});</li>
 * <li>authenticates {@code /engine-rest} with HTTP Basic (the webapps' API keeps its session login);</li>
 * <li>lets staff make only the calls of {@link EngineApiRoutes} (403 for the rest), operators all;</li>
 * <li>refuses malformed bodies with 400 ({@link StrictJson}) and unknown tasks with 404;</li>
 * <li>checks completions (only the fields of the task's form, plain values) and claims (only for
 * oneself), and does itself what the engine would wrongly refuse or wrongly allow: unclaiming one's
 * own task, setting a follow-up date, and the start forms of the case processes, which go through the
 * intake like {@code POST /api/applications};</li>
 * <li>records every change and every refusal in the audit trail.</li>
 * </ol>
 */
class EngineApiGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);

    /** Variable types a form submission may carry: what Camunda Forms and Tasklist send. */
    static final Set<String> FORM_VALUE_TYPES = Set.of("String", "Boolean", "Integer", "Long", "Short", "Double",
            "Date", "Json", "Null");
    private static final Pattern TASK_PATH = Pattern.compile("^/task/([^/]+)(/.*)?$");
    /** Sub-resources of {@code /task} that are not a task id. */
    private static final Set<String> TASK_COLLECTION = Set.of("count", "create", "report");
    private static final Pattern INSTANCE_PATH = Pattern.compile("^/(process-instance|job)/([^/]+)(/.*)?$");
    /** Sub-resources of {@code /process-instance} and {@code /job} that are not an id. */
    private static final Set<String> INSTANCE_COLLECTION = Set.of("count", "delete", "delete-historic-query-based",
            "job-retries", "job-retries-historic-query-based", "message-async", "suspended", "suspended-async",
            "variables-async", "retries");
    private static final Pattern ID_SEGMENT = Pattern.compile("[^/]*[0-9][^/]*-[^/]*|[^/]{20,}");
    private static final Pattern CASE_NUMBER = Pattern.compile("^[A-Z]{2}-\\d{4}-(\\d{9})-\\d+$");

    private final IdentityService identity;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final FormFields formFields;
    private final StartForms startForms;
    private final OwnTasks ownTasks;
    private final AuditTrail audit;
    private final OriginCheck origins;

    EngineApiGuard(IdentityService identity, TaskService tasks, RuntimeService runtime, ManagementService management,
            FormFields formFields, StartForms startForms, OwnTasks ownTasks, AuditTrail audit, OriginCheck origins) {
        this.identity = identity;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.formFields = formFields;
        this.startForms = startForms;
        this.ownTasks = ownTasks;
        this.audit = audit;
        this.origins = origins;
    }

    /** A request on its way through the guard: what is known of it for the answer and the audit trail. */
    private static final class Call {
        final EnginePath path;
        final String method;
        EngineCaller caller = EngineCaller.NOBODY;
        String action;
        String target;
        String caseNumber;
        final List<String> fields = new ArrayList<>();
        boolean write;

        Call(EnginePath path, String method) {
            this.path = path;
            this.method = method;
            this.action = "engine." + method + " " + (path.isEngineApi() ? generic(path.relative()) : "webapp");
            this.target = path.relative();
            this.write = !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EnginePath path = EnginePath.of(request);
        Call call = new Call(path, request.getMethod());
        if (!path.isEngineApi()) {
            call.action = "webapp." + request.getMethod() + " " + request.getRequestURI();
            call.target = request.getRequestURI();
        }

        String crossSite = origins.refusal(request, path.entry() == EnginePath.Entry.REST);
        if (crossSite != null) {
            refuse(call, request, response, 403, "cross-site", crossSite);
            return;
        }
        if (!path.isEngineApi()) {
            // Cockpit, Admin and Tasklist plug-in APIs and the login: the webapps authorize them themselves.
            chain.doFilter(request, response);
            auditAfter(call, request, response);
            return;
        }

        Authentication previous = identity.getCurrentAuthentication();
        try {
            if (path.entry() == EnginePath.Entry.REST) {
                Optional<EngineCaller> basic = basicCaller(request);
                if (basic.isEmpty()) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"doudi\"");
                    refuse(call, request, response, 401, "unauthenticated", "需要登录 (authentication required)");
                    return;
                }
                call.caller = basic.get();
            } else {
                call.caller = sessionCaller(request);
                if (!call.caller.isAuthenticated()) {
                    // The webapps answer 401 themselves; nothing here is done for anyone unknown.
                    chain.doFilter(request, response);
                    return;
                }
            }
            guard(call, request, response, chain);
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    private void guard(Call call, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String relative = call.path.relative();
        Optional<Route> route = call.caller.isOperator()
                ? EngineApiRoutes.handledForOperators(call.method, relative)
                : EngineApiRoutes.forStaff(call.method, relative);
        if (route.isPresent()) {
            call.action = "engine." + call.method + " " + route.get().template();
            call.write = route.get().kind() == EngineApiRoutes.Kind.WRITE;
        } else {
            call.write = EngineApiRoutes.isWrite(call.method, relative);
        }
        if (!call.caller.isOperator() && route.isEmpty()) {
            refuse(call, request, response, 403, "engine-api-forbidden",
                    "此操作不对业务人员开放，请在 Tasklist 或 /api 中办理 (this engine API call is not open to staff)");
            return;
        }

        HttpServletRequest effective = request;
        JsonNode body = null;
        if (hasBody(request)) {
            byte[] bytes = CachedBodyRequest.read(request, StrictJson.MAX_BODY_BYTES);
            if (bytes.length > StrictJson.MAX_BODY_BYTES) {
                refuse(call, request, response, 413, "too-large", "请求内容过大 (request body too large)");
                return;
            }
            if (isJson(request, bytes)) {
                if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                    bytes = "{}".getBytes(StandardCharsets.UTF_8);
                }
                try {
                    body = StrictJson.parse(bytes);
                } catch (StrictJson.Refused e) {
                    refuse(call, request, response, 400, "invalid-body", e.getMessage());
                    return;
                }
            }
            effective = new CachedBodyRequest(request, bytes);
        }

        Task task = null;
        Matcher taskPath = TASK_PATH.matcher(relative);
        if (taskPath.matches() && !TASK_COLLECTION.contains(taskPath.group(1))) {
            String taskId = taskPath.group(1);
            call.target = taskId;
            task = tasks.createTaskQuery().taskId(taskId).singleResult(); // no user set yet: unchecked
            if (task == null) {
                refuse(call, request, response, 404, "not-found", "任务不存在或已办结 (no such task: " + safe(taskId) + ")");
                return;
            }
            call.caseNumber = businessKeyOf(task);
        }

        Matcher instancePath = INSTANCE_PATH.matcher(relative);
        if (instancePath.matches() && !INSTANCE_COLLECTION.contains(instancePath.group(2))) {
            // Camunda answers some calls on an unknown instance or job with 500; the client asked for nothing.
            String id = instancePath.group(2);
            boolean exists = "job".equals(instancePath.group(1))
                    ? management.createJobQuery().jobId(id).count() > 0
                    : runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0;
            if (!exists) {
                refuse(call, request, response, 404, "not-found", ("job".equals(instancePath.group(1))
                        ? "作业不存在 (no such job: " : "流程实例不存在或已结束 (no such process instance: ") + safe(id) + ")");
                return;
            }
        }

        Handling handling = route.map(Route::handling).orElse(Handling.PASS);
        final Task found = task;
        try {
            switch (handling) {
                case CLAIM -> checkClaim(call, body);
                case COMPLETE -> checkSubmission(call, body,
                        formFields.ofTask(task.getId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
                case UNCLAIM -> {
                    asCaller(call, () -> ownTasks.unclaim(found.getId(), call.caller, found));
                    answer(call, request, response, 204, null);
                    return;
                }
                case FOLLOW_UP -> {
                    JsonNode update = body == null ? StrictJson.mapper().createObjectNode() : body;
                    asCaller(call, () -> ownTasks.setFollowUp(found.getId(), call.caller, found, update,
                            tasks.createTaskQuery().taskId(found.getId()).count() == 1));
                    answer(call, request, response, 204, null);
                    return;
                }
                case START_FORM -> {
                    startForm(call, request, response, body);
                    return;
                }
                case PASS -> {
                }
            }
        } catch (OwnTasks.Refusal e) {
            refuse(call, request, response, e.status(), e.status() == 403 ? "forbidden" : "invalid-input", e.getMessage());
            return;
        }

        if (call.path.entry() == EnginePath.Entry.REST) {
            identity.setAuthentication(call.caller.userId(), call.caller.groupIds(), tenantsOf(call.caller.userId()));
        }
        chain.doFilter(effective, response);
        auditAfter(call, request, response);
    }

    /** Claiming is for oneself; handing a task to someone else is an assignment, which is the engine's to allow. */
    private static void checkClaim(Call call, JsonNode body) throws OwnTasks.Refusal {
        String userId = body == null ? null : body.path("userId").asText(null);
        if (!call.caller.isOperator() && !call.caller.userId().equals(userId)) {
            throw new OwnTasks.Refusal(403, "只能由本人认领任务 (a task can only be claimed for oneself)");
        }
    }

    /**
     * A completion carries the fields of the task's form and nothing else, each a plain value: a forged
     * {@code caseSummary} or {@code caseNumber} is refused, not stored.
     */
    private static void checkSubmission(Call call, JsonNode body, Set<String> allowed) throws OwnTasks.Refusal {
        JsonNode variables = body == null ? null : body.get("variables");
        if (variables == null || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            throw new OwnTasks.Refusal(400, "「variables」必须是对象 (variables must be an object)");
        }
        List<String> unknown = new ArrayList<>();
        List<String> badType = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> v = it.next();
            call.fields.add(v.getKey());
            if (!allowed.contains(v.getKey())) {
                unknown.add(v.getKey());
                continue;
            }
            if (!plainValue(v.getValue())) {
                badType.add(v.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            throw new OwnTasks.Refusal(400, "提交了表单中没有的字段：" + String.join("、", labelled(unknown))
                    + " (fields that are not on this task's form: " + String.join(", ", unknown) + ")");
        }
        if (!badType.isEmpty()) {
            throw new OwnTasks.Refusal(400, "字段类型不允许：" + String.join("、", labelled(badType))
                    + " (only text, numbers, yes/no, dates and lists may be submitted)");
        }
    }

    /** {@code {"value": …, "type": …}} with a type a form submits; objects and lists only as Json. */
    static boolean plainValue(JsonNode variable) {
        if (variable == null || !variable.isObject()) {
            return false;
        }
        JsonNode type = variable.get("type");
        JsonNode value = variable.get("value");
        if (type != null && !type.isNull()) {
            if (!type.isTextual() || !FORM_VALUE_TYPES.contains(capitalised(type.asText()))) {
                return false;
            }
            if (!"Json".equals(capitalised(type.asText())) && value != null && value.isContainerNode()) {
                return false;
            }
            JsonNode info = variable.get("valueInfo");
            return info == null || info.isNull() || info.isEmpty() || "Json".equals(capitalised(type.asText()));
        }
        return value == null || value.isValueNode();
    }

    private static String capitalised(String type) {
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    private static List<String> labelled(List<String> names) {
        return names.stream().map(n -> {
            String label = FieldLabels.of(n);
            return label == null ? safe(n) : "「" + label + "」(" + safe(n) + ")";
        }).toList();
    }

    /** A Tasklist start form of a case process: the intake registers the case and starts the process. */
    private void startForm(Call call, HttpServletRequest request, HttpServletResponse response, JsonNode body)
            throws IOException {
        ProcessDefinition definition = startForms.definitionOf(call.path.relative());
        if (definition == null) {
            refuse(call, request, response, 404, "not-found", "流程定义不存在 (no such process definition)");
            return;
        }
        call.target = definition.getKey();
        if (!startForms.takesApplications(definition)) {
            refuse(call, request, response, 403, "engine-api-forbidden",
                    "此流程不能从表单发起 (this process is not started from a form)");
            return;
        }
        JsonNode variables = body == null ? StrictJson.mapper().createObjectNode() : body.path("variables");
        if (body != null && body.hasNonNull("businessKey") && !body.get("businessKey").asText().isBlank()) {
            refuse(call, request, response, 400, "invalid-input",
                    "业务键由系统按案件编号生成，请留空 (the business key is the case number, given by the system)");
            return;
        }
        try {
            checkSubmission(call, body == null ? null : body, formFields.ofStartForm(definition.getId()));
        } catch (OwnTasks.Refusal e) {
            refuse(call, request, response, e.status(), "invalid-input", e.getMessage());
            return;
        }
        if (!variables.isObject()) {
            refuse(call, request, response, 400, "invalid-input", "「variables」必须是对象 (variables must be an object)");
            return;
        }
        identity.setAuthentication(call.caller.userId(), call.caller.groupIds(), tenantsOf(call.caller.userId()));
        try {
            AssistanceCase c = startForms.submit(definition, variables);
            call.caseNumber = c.caseNumber();
            call.target = c.caseNumber();
            String self = request.getRequestURL().toString().replaceFirst("/process-definition/.*$",
                    "/process-instance/" + c.processInstanceId());
            answer(call, request, response, 200, StartForms.startedAnswer(c, definition, self));
        } catch (InvalidInputException e) {
            List<FieldViolation> violations = e.violations();
            refuse(call, request, response, 400, "invalid-input", "申请信息有误：" + violations.stream()
                    .map(v -> describe(v)).reduce((a, b) -> a + "；" + b).orElse(e.getMessage()), violations);
        } catch (DuplicateCaseException e) {
            refuse(call, request, response, 409, "duplicate-case", "已有在办案件：" + e.getMessage());
        } catch (IntakeRefusedException e) {
            refuse(call, request, response, 409, "application-refused", "不予登记：" + e.getMessage());
        } catch (OutsideScopeException e) {
            refuse(call, request, response, 403, "outside-scope", "超出本人辖区：" + e.getMessage());
        } catch (CaseStateException e) {
            refuse(call, request, response, 409, "case-state", e.getMessage());
        }
    }

    private static String describe(FieldViolation v) {
        String label = FieldLabels.of(v.field());
        return (label == null ? v.field() : "「" + label + "」(" + v.field() + ")") + " " + v.message();
    }

    private interface GuardedAction {
        void run() throws OwnTasks.Refusal;
    }

    private void asCaller(Call call, GuardedAction action) throws OwnTasks.Refusal {
        identity.setAuthentication(call.caller.userId(), call.caller.groupIds(), tenantsOf(call.caller.userId()));
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    // --- who is calling -------------------------------------------------------------------------------

    private Optional<EngineCaller> basicCaller(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String userId = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (!identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList();
        return Optional.of(new EngineCaller(userId, groups));
    }

    private static EngineCaller sessionCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return EngineCaller.NOBODY;
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        if (all == null) {
            return EngineCaller.NOBODY;
        }
        org.camunda.bpm.webapp.impl.security.auth.Authentication a = all.getAuthenticationForProcessEngine("default");
        if (!(a instanceof UserAuthentication user) || user.getIdentityId() == null) {
            return EngineCaller.NOBODY;
        }
        return new EngineCaller(user.getIdentityId(),
                user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
    }

    private List<String> tenantsOf(String userId) {
        return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
    }

    private String businessKeyOf(Task task) {
        if (task.getProcessInstanceId() == null) {
            return null;
        }
        var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    // --- answers and the audit trail ------------------------------------------------------------------

    private void refuse(Call call, HttpServletRequest request, HttpServletResponse response, int status, String type,
            String message) throws IOException {
        refuse(call, request, response, status, type, message, List.of());
    }

    private void refuse(Call call, HttpServletRequest request, HttpServletResponse response, int status, String type,
            String message, List<FieldViolation> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://doudi.org/problems/" + type);
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", message);
        // Tasklist shows "message" of the engine's error answers.
        problem.put("message", message);
        if (!errors.isEmpty()) {
            problem.put("errors", errors.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        write(response, status, problem);
        log.warn("engine API {} {} refused for {} with {}{}: {}", call.method, call.action.substring(call.action.indexOf(' ') + 1),
                call.caller.actor(), status, call.caseNumber == null ? "" : " (case " + call.caseNumber + ")",
                call.fields.isEmpty() ? message : message + " [fields " + String.join(", ", call.fields) + "]");
        record(call, request, status, message);
    }

    private void answer(Call call, HttpServletRequest request, HttpServletResponse response, int status, Object body)
            throws IOException {
        if (body == null) {
            response.setStatus(status);
        } else {
            write(response, status, body);
        }
        record(call, request, status, null);
    }

    private void auditAfter(Call call, HttpServletRequest request, HttpServletResponse response) {
        int status = response.getStatus();
        if (call.write || status == 401 || status == 403) {
            record(call, request, status, null);
        }
    }

    private void record(Call call, HttpServletRequest request, int status, String reason) {
        String outcome = status < 400 ? AuditEvent.SUCCESS : status < 500 ? AuditEvent.REFUSED : AuditEvent.FAILED;
        StringBuilder detail = new StringBuilder("HTTP ").append(status);
        if (!call.fields.isEmpty()) {
            detail.append("; fields: ").append(String.join(", ", call.fields.stream().map(EngineApiGuard::safe).toList()));
        }
        if (reason != null) {
            detail.append("; ").append(reason);
        }
        try {
            audit.record(new AuditEvent(call.caller.actor(), call.action, call.target == null ? null : safe(call.target),
                    call.caseNumber, countyOf(call.caseNumber), outcome, detail.toString(), request.getRemoteAddr()));
        } catch (RuntimeException e) {
            // The answer is given; the trail logged its own failure. Nothing the caller can be told now.
            log.error("audit entry for {} not written", call.action);
        }
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(StartForms.toJson(body));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误 (Bad request)";
            case 401 -> "需要登录 (Unauthorized)";
            case 403 -> "不允许 (Forbidden)";
            case 404 -> "不存在 (Not found)";
            case 409 -> "冲突 (Conflict)";
            case 413 -> "请求过大 (Payload too large)";
            default -> "错误 (Error)";
        };
    }

    private static boolean hasBody(HttpServletRequest request) {
        String m = request.getMethod();
        return "POST".equals(m) || "PUT".equals(m) || "PATCH".equals(m) || "DELETE".equals(m);
    }

    private static boolean isJson(HttpServletRequest request, byte[] body) {
        String type = request.getContentType();
        if (type != null) {
            return type.toLowerCase().contains("json");
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' || b == 'n';
            }
        }
        return false;
    }

    /** The engine path with ids replaced, so that the audit trail's actions can be grouped. */
    static String generic(String relative) {
        StringBuilder s = new StringBuilder();
        for (String segment : relative.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            s.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
        }
        return s.length() == 0 ? "/" : s.toString();
    }

    /** Only characters that cannot carry a resident ID or a phone number in full into the log or the trail. */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
        String clipped = text.length() > 200 ? text.substring(0, 200) : text;
        return clipped.replaceAll("\\d{11,}", "***").replaceAll("[\\p{Cntrl}]", "");
    }

    static String countyOf(String caseNumber) {
        if (caseNumber == null) {
            return null;
        }
        Matcher m = CASE_NUMBER.matcher(caseNumber);
        return m.matches() ? m.group(1).substring(0, 6) : null;
    }
}
