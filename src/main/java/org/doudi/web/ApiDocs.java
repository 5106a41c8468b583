package org.doudi.web;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doudi.DoudiApplication;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.Exports;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI 3 description of {@code /api} ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; docs/api.md).
 * What each call does is said where the call is: {@code @Tag}, {@code @Operation}, {@code @Parameter} and
 * {@code @ApiResponse} on the controllers. What every call shares is said here once: the description's info and
 * HTTP Basic, the tags in their order, the one problem-detail schema ({@value #PROBLEM}) of
 * {@link ApiExceptionHandler}, and a customizer that gives every operation its standard error answers, describes the
 * parameters every list has, and adds {@code format=json|xlsx} to the list answers that {@link XlsxMessageConverter}
 * can write as a workbook.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    /** The name of the problem-detail schema (RFC 9457) under {@code components/schemas}. */
    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";

    /** The feature tags, in the order Swagger UI shows them; controllers name them in {@code @Tag}. */
    static final Map<String, String> TAGS = tags();

    @Bean
    OpenAPI doudiOpenApi() {
        String version = Optional.ofNullable(DoudiApplication.class.getPackage().getImplementationVersion())
                .orElse("development");
        return new OpenAPI()
                .info(new Info().title("兜底 Doudi 社会救助接口 / Doudi social assistance API").version(version)
                        .description("""
                                农村社会救助（低保、特困、临时救助）从申请到发放、复核、监测预警与督办的接口。以演示用户或本地\
                                工作人员账号通过 HTTP Basic 登录，只能看到和办理本人辖区、本人角色内的事项；身份证号在回答中脱敏。\
                                错误一律为 RFC 9457 问题详情（Problem，`errors` 逐项列出无效字段）；列表另可用 `format=xlsx` \
                                取得 Excel 工作簿。流程任务的办理经 Camunda 接口 `/engine-rest`，不在本说明之内。

                                The HTTP API of rural social assistance (低保 minimum living allowance, 特困 extreme \
                                poverty support, 临时救助 temporary assistance): applications, cases, enrolments, payment \
                                rolls, reviews, monitoring and supervision. Log in with HTTP Basic as a member of \
                                staff; each call sees and changes only what lies in your regions and role, and resident ID \
                                numbers come masked. Every error is an RFC 9457 problem detail (schema `Problem`, with \
                                `errors: [{field, message}]` for invalid input); list answers also come as XLSX \
                                workbooks with `format=xlsx`. Process tasks are completed through the Camunda REST API \
                                at `/engine-rest`, which this description does not cover.""")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("工作人员账号（演示用户密码均为 demo）/ staff user and password (demo users:"
                                        + " password demo)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .tags(TAGS.entrySet().stream().map(e -> new Tag().name(e.getKey()).description(e.getValue())).toList());
    }

    /**
     * Schema names that do not collide: the answers are mostly records nested in their service or controller, and
     * many are called {@code Page}, {@code Created} or {@code View}; springdoc names a schema by the simple name, so
     * one would silently stand for all. A nested type is named after its outer type and itself ({@code WarningsPage},
     * {@code CaseSearchPage}; {@code …Controller} left out, and no repetition: {@code CaseController.CaseView} is
     * {@code CaseView}).
     */
    @Bean
    ModelConverter nestedSchemaNames() {
        return (type, context, chain) -> {
            if (type.getName() == null || type.getName().isBlank()) {
                String name = schemaName(Json.mapper().constructType(type.getType()).getRawClass());
                if (name != null) {
                    type.name(name);
                }
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        };
    }

    static String schemaName(Class<?> c) {
        if (c == null || c.getEnclosingClass() == null || c.isEnum() || !c.getName().startsWith("org.doudi.")) {
            return null;
        }
        String outer = c.getEnclosingClass().getSimpleName().replaceFirst("Controller$", "");
        return c.getSimpleName().startsWith(outer) ? c.getSimpleName() : outer + c.getSimpleName();
    }

    /**
     * The standard answers of every operation, added where the controller has not said them itself, and the problem
     * schema as the content of every error answer; {@code format} on the list answers; descriptions of the
     * parameters that mean the same everywhere.
     */
    @Bean
    OperationCustomizer standardAnswers() {
        return (operation, handler) -> {
            boolean xlsx = xlsxList(handler);
            if (xlsx) {
                addFormat(operation);
            }
            describeCommonParameters(operation);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            boolean hasQuery = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "query".equals(p.getIn()));
            boolean hasPath = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "path".equals(p.getIn()));
            if (hasQuery || operation.getRequestBody() != null) {
                responses.putIfAbsent("400", new ApiResponse().description(
                        "请求有误：字段或参数无效，`errors` 逐项说明 / Invalid input: `errors` names each bad field or parameter"));
            }
            responses.putIfAbsent("401", new ApiResponse()
                    .description("未登录、密码错误或登录被暂时锁定（HTTP Basic）/ Not logged in, a wrong password, or a"
                            + " temporarily locked login (HTTP Basic)")
                    .addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema().example(
                            "Basic realm=\"doudi\"")).description("Basic realm=\"doudi\"")));
            responses.putIfAbsent("403", new ApiResponse().description(
                    "超出本人辖区或角色，或来自未获准来源的写请求 / Outside your region or role, or a change sent from an origin"
                            + " that is not allowed"));
            if (hasPath) {
                responses.putIfAbsent("404", new ApiResponse().description(
                        "不存在，或不在本人辖区内 / Not found, or outside your region"));
            }
            if (xlsx) {
                responses.putIfAbsent("406", new ApiResponse().description(
                        "没有所要的格式（列表可为 json 或 xlsx）/ The answer does not come in the requested format (lists:"
                                + " json or xlsx)"));
            }
            responses.putIfAbsent("500", new ApiResponse().description(
                    "内部错误，未作任何更改，已记入日志 / Internal error; nothing was changed, the failure is logged"));
            responses.forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5")) && !"401".equals(code)) {
                    response.setContent(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
                }
            });
            return operation;
        };
    }

    /**
     * Whether the operation answers a list that {@link XlsxMessageConverter} writes as a workbook: its answer type (in a
     * {@code ResponseEntity} or not) is marked {@link ExportSheet}, or is a list of rows so marked; an answer declared
     * as {@code ResponseEntity<?>} counts when its documented 200 answer is such a type.
     */
    static boolean xlsxList(HandlerMethod handler) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        if (HttpEntity.class.isAssignableFrom(answer.toClass())) {
            answer = answer.as(HttpEntity.class).getGeneric(0);
        }
        if (exportSheet(answer)) {
            return true;
        }
        return documentedAnswers(handler.getMethod()).stream().anyMatch(ApiDocs::exportSheet);
    }

    private static boolean exportSheet(ResolvableType type) {
        Class<?> c = type.resolve();
        if (c == null) {
            return false;
        }
        if (Collection.class.isAssignableFrom(c)) {
            Class<?> row = type.as(Collection.class).getGeneric(0).resolve();
            return row != null && row.isAnnotationPresent(ExportSheet.class);
        }
        return c.isAnnotationPresent(ExportSheet.class);
    }

    /** The answer types of a method's documented 200 answer (the content of its {@code @ApiResponse} for 200). */
    private static List<ResolvableType> documentedAnswers(Method method) {
        return java.util.Arrays.stream(method.getAnnotationsByType(
                io.swagger.v3.oas.annotations.responses.ApiResponse.class))
                .filter(r -> "200".equals(r.responseCode()))
                .flatMap(r -> java.util.Arrays.stream(r.content()))
                .map(c -> c.array().schema().implementation() != Void.class
                        ? ResolvableType.forClassWithGenerics(List.class, c.array().schema().implementation())
                        : ResolvableType.forClass(c.schema().implementation()))
                .toList();
    }

    private static void addFormat(Operation operation) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> "format".equals(p.getName()) && "query".equals(p.getIn()))) {
            operation.addParametersItem(new Parameter().in("query").name("format").required(false)
                    .schema(new StringSchema()._enum(List.of("json", "xlsx"))._default("json")));
        }
        String note = "\n\n列表另可取 Excel：`format=xlsx`（或 `Accept: " + Exports.XLSX + "`），第一张表为各行（中文表头，身份证号"
                + "脱敏同 JSON），第二张表「汇总」为合计；不带 `size` 时含全部匹配行（至多 " + Exports.MAX_ROWS + " 行）。"
                + "\n\nThe list also comes as an XLSX workbook with `format=xlsx` (or that `Accept`): its rows under"
                + " Chinese headings on the first sheet, the answer's totals on a second sheet 汇总; without `size`,"
                + " every matching row up to " + Exports.MAX_ROWS + ".";
        operation.setDescription(operation.getDescription() == null ? note.strip() : operation.getDescription() + note);
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok != null && ok.getContent() != null) {
            ok.getContent().addMediaType(Exports.XLSX, new MediaType().schema(new StringSchema().format("binary")));
        }
    }

    /** The parameters that mean the same in every call; a controller's own description wins. */
    private static void describeCommonParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            String common = COMMON_PARAMETERS.get(p.getIn() + ":" + p.getName());
            if (common != null && (p.getDescription() == null || p.getDescription().isBlank())) {
                p.setDescription(common);
            }
        }
    }

    private static final Map<String, String> COMMON_PARAMETERS = Map.ofEntries(
            Map.entry("query:page", "页码，从 0 起 / Page number, from 0"),
            Map.entry("query:size", "每页条数 / Rows per page"),
            Map.entry("query:region", "区划代码：县 6 位、乡镇 9 位、村 12 位，须在本人辖区内 / Division code (county 6"
                    + " digits, township 9, village 12) within your regions"),
            Map.entry("query:format", "回答格式：json（默认）或 xlsx（Excel 工作簿）/ Answer format: json (default) or xlsx"
                    + " (an Excel workbook)"),
            Map.entry("path:caseNumber", "案件编号，如 DB-2026-130102100-000042 / Case number, e.g."
                    + " DB-2026-130102100-000042"),
            Map.entry("path:townshipCode", "乡镇区划代码（9 位）/ Township division code (9 digits)"),
            Map.entry("path:countyCode", "县级区划代码（6 位）/ County division code (6 digits)"),
            Map.entry("path:county", "县级区划代码（6 位）/ County division code (6 digits)"),
            Map.entry("path:month", "月份 yyyy-MM / Month, yyyy-MM"),
            Map.entry("path:enrolmentNumber", "保障编号 / Enrolment number"));

    /** RFC 9457 as {@link ApiExceptionHandler} writes it. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .description("一个无效字段 / One invalid field")
                .addProperty("field", new StringSchema().description("字段路径 / Path of the field")
                        .example("members[0].idNumber"))
                .addProperty("message", new StringSchema().description("错误说明 / What is wrong with it")
                        .example("身份证号校验码错误 / has an invalid checksum"));
        fieldError.setRequired(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema()
                .description("""
                        RFC 9457 问题详情：所有错误回答（400、403、404、406、409、500）的格式；输入无效时 `errors` 逐项列出字段。\
                        个别回答另有扩展字段（如 `existingCaseNumber`、`caseStatus`、`balance`、`caseNumber`）。

                        An RFC 9457 problem detail, the body of every error answer; invalid input lists each field in \
                        `errors`. Some answers add members of their own (`existingCaseNumber`, `caseStatus`, \
                        `balance`, `caseNumber` …).""")
                .addProperty("type", new StringSchema().format("uri").description("问题类型 / Problem type")
                        .example("https://doudi.org/problems/invalid-input"))
                .addProperty("title", new StringSchema().description("简短标题 / Short title").example("Invalid input"))
                .addProperty("status", new IntegerSchema().description("HTTP 状态码 / HTTP status").example(400))
                .addProperty("detail", new StringSchema().description("说明 / Explanation")
                        .example("members[0].idNumber has an invalid checksum"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("出错的请求路径 / The request's path").example("/api/applications"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("无效字段（输入无效时）/ The invalid fields (invalid input)"));
        problem.setAdditionalProperties(Boolean.TRUE);
        return problem;
    }

    private static Map<String, String> tags() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("案件 Cases", "申请、案件详情与查询、公示异议、核对结果异议、民主评议、文书 / Applications, cases and their"
                + " search, objections, democratic appraisals, written notices");
        t.put("保障对象 Enrolments", "已纳入保障的家庭和人员及其变化报告 / Enrolled households and persons, and reported"
                + " changes");
        t.put("复核 Reviews", "回头看（集中复核）/ Review campaigns (回头看)");
        t.put("发放名册 Payment rolls", "县级月度发放名册与补发名册 / A county's monthly and supplementary payment rolls");
        t.put("备用金 Reserve funds", "乡镇临时救助备用金 / Townships' reserve funds for temporary assistance");
        t.put("转介 Referrals", "转介扶贫部门 / Referrals to the county poverty office");
        t.put("督办 Supervision", "超期与即将到期事项、督办通知 / Overdue and soon-due work, escalation notifications");
        t.put("监测预警 Monitoring", "比对、预警、潜在救助对象、部门名单、热线、监测参数 / Comparison runs, warnings, the watch"
                + " list, rosters, hotline reports, monitoring numbers");
        t.put("统计报表 Reports", "兜底脱贫行动实施情况 / The quarterly progress report");
        t.put("近亲属备案 Near relatives", "工作人员近亲属备案 / Staff's near relatives and their cases");
        t.put("信息核对 Verification", "其他部门登记信息的导入 / Records of other departments' registers");
        t.put("区划与地方标准 Regions and policies", "区划、深度贫困地区标识、县级标准 / Regions, the deep-poverty flag, county"
                + " policies");
        t.put("工作日历 Calendar", "法定工作日历 / The working-day calendar");
        t.put("审计 Audit", "审计日志及其校验 / The audit trail and its verification");
        t.put("账号与登录 Accounts and logins", "当前用户、登录锁定 / The current user, login locks");
        t.put("演示 Demo", "演示时钟（仅演示模式）/ The demo clock (demo mode only)");
        return java.util.Collections.unmodifiableMap(t);
    }
}
