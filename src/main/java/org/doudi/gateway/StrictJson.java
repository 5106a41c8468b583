package org.doudi.gateway;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies for the engine API before the engine does, so that what would make it fail
 * with 500 (a {@code null} body, nesting a thousand levels deep, a number of five thousand digits) or
 * be read two ways (the same key twice) is refused with 400.
 */
final class StrictJson {

    /** Deeper than any form or query of the engine API needs. */
    static final int MAX_DEPTH = 64;
    /** Longer than any amount, count or id. */
    static final int MAX_NUMBER_LENGTH = 40;
    /** A request body larger than this is refused (413). */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_BODY_BYTES).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** Thrown with a message for the caller, in Chinese with English in parentheses. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The parsed body; never {@code null}, never a JSON {@code null}. */
    static JsonNode parse(byte[] body) throws Refused {
        JsonNode node = parseAny(body);
        // Every resource of the engine API takes an object; anything else would reach Jersey's mapping (a 500 or
        // a plain-text 400).
        if (!node.isObject()) {
            throw new Refused("请求内容必须是 JSON 对象 (the body must be a JSON object)");
        }
        return node;
    }

    /** A JSON object or list, e.g. a form's dynamic list submitted as the text of a Json variable. */
    static JsonNode parseAny(byte[] body) throws Refused {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new Refused("请求内容嵌套过深或数字过长 (JSON nested too deep or number too long)");
        } catch (JsonProcessingException e) {
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "同一字段出现两次 (duplicate key: " + e.getOriginalMessage().replaceAll("[^A-Za-z0-9_ ']", "") + ")"
                    : "不是有效的 JSON (malformed JSON)";
            throw new Refused("请求内容有误：" + what);
        } catch (IOException e) {
            throw new Refused("请求内容无法读取 (unreadable body)");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new Refused("请求内容不能为空或 null (the body must be a JSON object)");
        }
        if (!node.isObject() && !node.isArray()) {
            throw new Refused("必须是 JSON 对象或列表 (must be a JSON object or list)");
        }
        return node;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
