package org.doudi.shared;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** Reading the JSON bodies of {@code /api} requests the same way everywhere, refusals labelled in Chinese. */
public final class JsonBody {

    /** Decimals exactly as written (a double would turn 0.3 into 0.299…), duplicate keys refused. */
    private static final ObjectReader STRICT = new ObjectMapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonBody() {
    }

    /** A request body read strictly as a JSON object: empty, not JSON, not an object or a repeated key is a 400. */
    public static JsonNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidInputException.of("body", "请求内容不能为空 (a JSON object is required)");
        }
        try {
            JsonNode json = STRICT.readTree(body);
            if (json == null || !json.isObject()) {
                throw InvalidInputException.of("body", "必须是 JSON 对象 (must be a JSON object)");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "不是有效的 JSON (is not valid JSON)");
        }
    }

    /** A JSON object with no field but these ({@code what}: the Chinese name of the thing, e.g. 变化报告). */
    public static void requireObject(JsonNode body, Set<String> fields, String what) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", "必须是 JSON 对象 (a JSON object is required)");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw InvalidInputException.of(name, "不是" + what + "的字段 (unknown field)");
            }
        }
    }

    /** A text field, trimmed ({@code null} when absent or blank); a number given for it is taken as its text. */
    public static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw InvalidInputException.of(name, "必须是文本 (must be text)");
        }
        String t = v.asText().trim();
        return t.isEmpty() ? null : t;
    }

    /** A list of whole numbers ({@code null} when absent); anything else refused with the field's label. */
    public static List<Long> wholeNumbers(JsonNode body, String name, String label) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw InvalidInputException.of(name, "「" + label + "」必须是编号的列表 (must be a list of numbers)");
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode item : v) {
            if (item.isIntegralNumber() && item.canConvertToLong()) {
                values.add(item.asLong());
            } else if (item.isTextual() && item.asText().trim().matches("[0-9]{1,18}")) {
                values.add(Long.parseLong(item.asText().trim()));
            } else {
                throw InvalidInputException.of(name, "「" + label + "」只能包含整数编号 (whole numbers only)");
            }
        }
        return values;
    }
}
