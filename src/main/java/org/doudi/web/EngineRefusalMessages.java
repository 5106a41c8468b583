package org.doudi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A refused step as a person reads it. Camunda's REST resources put their own words and ids before the reason a
 * refusal gives ({@code Cannot submit task form 4f1c…: 「申请救助项目」：请选择…}, {@code Cannot instantiate process definition
 * AssistanceApplication:1:…: …}): on a refused start, task completion or form submission whose reason is Doudi's
 * (Chinese), the answer's {@code message} becomes that reason alone. For Tasklist and the other webapps
 * ({@code /camunda/api/engine}) the English half of Doudi's bilingual reasons ({@code 中文 (English)}) is dropped as well;
 * {@code /engine-rest} keeps it for integrators. Only state-changing requests are looked at (reads are streamed as they
 * are) of the calls that can be refused that way, only 4xx and 5xx answers are rewritten, and nothing but
 * {@code message} changes.
 */
class EngineRefusalMessages extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * The calls a refusal of Doudi's answers: a start, a start form's or a task form's submission, a completion. Every
     * other state-changing call (Tasklist's inbox is a {@code POST …/filter/{id}/list}) streams as it is, unbuffered.
     */
    private static final Pattern REFUSABLE = Pattern.compile(".*/(start|submit-form|complete)$");
    /** The engine's wording before the reason: "Cannot …" up to the last ": " before the first Chinese character. */
    private static final Pattern ENGINE_PREFIX = Pattern.compile("^Cannot [^\\p{IsHan}「]*?: (?=[\\p{IsHan}「])");
    /** Doudi's reasons end with their English in parentheses. */
    private static final Pattern ENGLISH_TAIL = Pattern.compile("^(.*\\p{IsHan}.*?)\\s*\\((?:[^()\\p{IsHan}]|\\([^()]*\\))*\\)$",
            Pattern.DOTALL);

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod()) || !REFUSABLE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
        } finally {
            rewrite(request, wrapper);
            wrapper.copyBodyToResponse();
        }
    }

    private void rewrite(HttpServletRequest request, ContentCachingResponseWrapper wrapper) throws IOException {
        String type = wrapper.getContentType();
        if (wrapper.getStatus() < 400 || type == null || !type.contains("json") || wrapper.getContentSize() == 0) {
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(wrapper.getContentAsByteArray());
        } catch (IOException notJson) {
            return;
        }
        if (!(body instanceof ObjectNode error) || !error.path("message").isTextual()) {
            return;
        }
        boolean person = request.getRequestURI().startsWith(request.getContextPath() + "/camunda/");
        String message = shown(error.path("message").asText(), person);
        if (message.equals(error.path("message").asText())) {
            return;
        }
        error.put("message", message);
        byte[] bytes = json.writeValueAsBytes(error);
        wrapper.resetBuffer();
        wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
        wrapper.getOutputStream().write(bytes);
    }

    /** The message as shown: Doudi's reason without the engine's prefix, and for a person without its English. */
    static String shown(String message, boolean person) {
        Matcher prefix = ENGINE_PREFIX.matcher(message);
        if (!prefix.find()) {
            return message;
        }
        String reason = message.substring(prefix.end());
        if (person) {
            Matcher english = ENGLISH_TAIL.matcher(reason);
            if (english.matches()) {
                reason = english.group(1);
            }
        }
        return reason;
    }
}
