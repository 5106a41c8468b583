package org.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.test.Demo.CASEWORKER1;
import static org.doudi.test.Demo.COUNTY_A;
import static org.doudi.test.Demo.PASSWORD;
import static org.doudi.test.Demo.SUPERVISOR1;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.doudi.shared.Exports;
import org.doudi.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI description of {@code /api} (docs/api.md) against the application itself: every {@code /api} mapping
 * of Spring MVC is in it with its methods and nothing else is; every operation has a bilingual summary and
 * description, described parameters, error answers with the one problem schema, and a body example where it takes
 * a body; list answers name {@code format=json|xlsx}. The description and Swagger UI are for logged-in staff only.
 */
@IntegrationTest
class ApiDescriptionTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** The list answers of the contract's "Exports" (README, "Lists as Excel"). */
    private static final Set<String> XLSX_LISTS = Set.of("GET /api/cases", "GET /api/enrolments",
            "GET /api/supervision/overdue", "GET /api/supervision/due-soon", "GET /api/funds/{townshipCode}",
            "GET /api/referrals", "GET /api/warnings", "GET /api/watch-list", "GET /api/hotline-reports",
            "GET /api/reports/progress");

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final ObjectMapper json = new ObjectMapper();
    JsonNode doc;

    @BeforeEach
    void fetch() throws IOException {
        ResponseEntity<String> r = http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/v3/api-docs", String.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        doc = json.readTree(r.getBody());
        Path out = Path.of("target", "openapi.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }

    @Test
    void describesExactlyTheApiMappingsWithTheirMethods() {
        Set<String> mapped = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/api") && !pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s declares its methods", e.getValue()).isNotEmpty();
                methods.forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        }
        assertThat(mapped).hasSizeGreaterThan(50);
        Set<String> described = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(mapped);
        doc.get("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));
    }

    @Test
    void everyOperationIsDescribedInChineseAndEnglish() {
        Set<String> tags = new TreeSet<>();
        doc.get("tags").forEach(t -> {
            tags.add(t.get("name").asText());
            assertThat(t.path("description").asText()).containsPattern(HAN).containsPattern(ASCII_WORD);
        });
        operations().forEach((name, op) -> {
            assertThat(op.path("summary").asText()).as("summary of %s", name).containsPattern(HAN)
                    .containsPattern(ASCII_WORD);
            assertThat(op.path("description").asText()).as("description of %s", name).containsPattern(HAN)
                    .containsPattern(ASCII_WORD);
            assertThat(op.path("tags")).as("tags of %s", name).isNotEmpty();
            op.path("tags").forEach(t -> assertThat(tags).as("tag of %s", name).contains(t.asText()));
            op.path("parameters").forEach(p -> assertThat(p.path("description").asText())
                    .as("parameter %s of %s", p.path("name").asText(), name).containsPattern(HAN)
                    .containsPattern(ASCII_WORD));
        });
        JsonNode info = doc.get("info");
        assertThat(info.get("title").asText()).containsPattern(HAN).containsPattern(ASCII_WORD);
        assertThat(info.get("version").asText()).isNotBlank();
        assertThat(info.get("description").asText()).containsPattern(HAN).contains("RFC 9457").contains("format=xlsx");
        JsonNode basic = doc.at("/components/securitySchemes/basicAuth");
        assertThat(basic.get("type").asText()).isEqualTo("http");
        assertThat(basic.get("scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/security/0").has("basicAuth")).isTrue();
    }

    @Test
    void errorAnswersShareTheProblemSchema() {
        JsonNode problem = doc.at("/components/schemas/Problem/properties");
        assertThat(fieldNames(problem)).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(fieldNames(problem.at("/errors/items/properties"))).containsExactlyInAnyOrder("field", "message");
        operations().forEach((name, op) -> {
            List<String> problemAnswers = new ArrayList<>();
            op.get("responses").fields().forEachRemaining(r -> {
                String code = r.getKey();
                if (code.startsWith("4") && !code.equals("401") || code.startsWith("5")) {
                    JsonNode content = r.getValue().path("content");
                    assertThat(fieldNames(content)).as("%s %s", name, code).containsExactly("application/problem+json");
                    assertThat(content.at("/application~1problem+json/schema/$ref").asText()).as("%s %s", name, code)
                            .isEqualTo(PROBLEM_REF);
                    if (code.startsWith("4")) {
                        problemAnswers.add(code);
                    }
                }
            });
            assertThat(problemAnswers).as("4xx answers of %s", name).isNotEmpty();
            List<String> success = new ArrayList<>();
            op.get("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2")) {
                    success.add(r.getKey());
                    assertThat(r.getKey().equals("204") || r.getValue().has("content")).as("%s %s has content", name,
                            r.getKey()).isTrue();
                }
            });
            assertThat(success).as("success answers of %s", name).isNotEmpty();

            assertThat(op.get("responses").has("401")).as("401 of %s", name).isTrue();
        });
        // The answers that the README names for an application.
        assertThat(fieldNames(doc.at("/paths/~1api~1applications/post/responses")))
                .contains("201", "400", "403", "409");
    }

    @Test
    void operationsWithABodyShowAnExample() {
        operations().forEach((name, op) -> {
            if (!op.has("requestBody")) {
                return;
            }
            JsonNode content = op.at("/requestBody/content");
            assertThat(content.size()).as("body of %s", name).isPositive();
            content.fields().forEachRemaining(m -> {
                JsonNode media = m.getValue();
                boolean example = media.has("example") || media.path("examples").size() > 0
                        || media.at("/schema/example").isObject() || media.at("/schema/example").isArray();
                if (m.getKey().startsWith("multipart/")) {
                    // A form of fields: each field has its own example or values.
                    media.at("/schema/properties").fields().forEachRemaining(f -> assertThat(
                            f.getValue().has("example") || f.getValue().has("enum")
                                    || "binary".equals(f.getValue().path("format").asText()))
                            .as("multipart field %s of %s", f.getKey(), name).isTrue());
                } else {
                    assertThat(example).as("example of the %s body of %s", m.getKey(), name).isTrue();
                }
            });
        });
        JsonNode application = doc.at("/paths/~1api~1applications/post/requestBody/content/application~1json");
        String example = application.has("example") ? application.get("example").toString()
                : application.path("examples").elements().next().path("value").toString();
        assertThat(example).contains("\"programme\"", "\"villageCode\"", "\"applicant\"", "\"members\"");
    }

    @Test
    void listAnswersNameTheirXlsxFormatAndItStillWorks() {
        Map<String, JsonNode> ops = operations();
        for (String list : XLSX_LISTS) {
            JsonNode op = ops.get(list);
            assertThat(op).as(list).isNotNull();
            JsonNode format = null;
            for (JsonNode p : op.path("parameters")) {
                if ("format".equals(p.path("name").asText()) && "query".equals(p.path("in").asText())) {
                    format = p;
                }
            }
            assertThat(format).as("format of %s", list).isNotNull();
            assertThat(format.path("required").asBoolean(false)).isFalse();
            assertThat(format.at("/schema/enum").toString()).isEqualTo("[\"json\",\"xlsx\"]");
            assertThat(op.path("description").asText()).as(list).contains("xlsx");
            assertThat(fieldNames(op.at("/responses/200/content"))).as(list).contains(Exports.XLSX);
        }
        ops.forEach((name, op) -> {
            if (!XLSX_LISTS.contains(name)) {
                op.path("parameters").forEach(p -> assertThat(p.path("name").asText()).as(name).isNotEqualTo("format"));
            }
        });
        // The content negotiation by ?format= still answers the workbook, and JSON without it.
        ResponseEntity<byte[]> xlsx = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                .getForEntity("/api/referrals?region=" + COUNTY_A + "&format=xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType().toString()).startsWith(Exports.XLSX);
        ResponseEntity<String> plain = http.withBasicAuth(SUPERVISOR1, PASSWORD)
                .getForEntity("/api/referrals?region=" + COUNTY_A, String.class);
        assertThat(plain.getHeaders().getContentType().toString()).startsWith("application/json");
    }

    @Test
    void theDescriptionAndSwaggerUiAreForLoggedInStaffOnly() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html",
                "/v3/api-docs/swagger-config")) {
            ResponseEntity<String> anonymous = http.getForEntity(path, String.class);
            assertThat(anonymous.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Basic");
        }
        assertThat(http.withBasicAuth("openapi-nobody", "wrong").getForEntity("/v3/api-docs", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> yaml = http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity("/v3/api-docs.yaml",
                String.class);
        assertThat(yaml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(yaml.getBody()).startsWith("openapi: 3").contains("/api/applications:");

        ResponseEntity<String> ui = followed("/swagger-ui.html");
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");
        ResponseEntity<String> config = http.withBasicAuth(CASEWORKER1, PASSWORD)
                .getForEntity("/v3/api-docs/swagger-config", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("/v3/api-docs");
    }

    /** A GET as a logged-in caseworker, its redirects followed with the same login. */
    private ResponseEntity<String> followed(String path) {
        String next = path;
        for (int i = 0; i < 5; i++) {
            ResponseEntity<String> r = http.withBasicAuth(CASEWORKER1, PASSWORD).getForEntity(next, String.class);
            if (!r.getStatusCode().is3xxRedirection()) {
                return r;
            }
            URI location = r.getHeaders().getLocation();
            assertThat(location).isNotNull();
            next = location.isAbsolute() ? location.getRawPath()
                    + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()) : location.toString();
        }
        throw new AssertionError("too many redirects from " + path);
    }

    /** Every operation as "METHOD path". */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new java.util.TreeMap<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(
                m -> ops.put(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), m.getValue())));
        return ops;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = node.fieldNames(); i.hasNext();) {
            names.add(i.next());
        }
        return names;
    }
}
