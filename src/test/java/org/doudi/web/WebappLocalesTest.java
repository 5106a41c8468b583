package org.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese locale of Camunda's webapps (src/main/resources/META-INF/resources/webjars/camunda/app/&lt;app&gt;/
 * locales/zh-cn.json) against the English one of the webjar on the class path: the same keys, no empty values,
 * the same placeholders. A Camunda upgrade that adds, renames or drops keys fails here, with the keys named,
 * until the translation follows (docs/webapps-zh.md says how).
 */
class WebappLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {{count}}, {{ name }}, the {} of a plural and moment's %s / %d. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}|%[sd]");
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAChineseValueAndNoOther(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(app, "en"));
        Map<String, JsonNode> chinese = flatten(read(app, "zh-cn"));

        Set<String> untranslated = new TreeSet<>(english.keySet());
        untranslated.removeAll(chinese.keySet());
        Set<String> unknown = new TreeSet<>(chinese.keySet());
        unknown.removeAll(english.keySet());
        assertThat(untranslated).as("keys of %s's en.json missing from zh-cn.json (translate them)", app).isEmpty();
        assertThat(unknown).as("keys of %s's zh-cn.json that en.json no longer has (remove them)", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void valuesAreFilledAndKeepTheirPlaceholdersAndLinks(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(app, "en"));
        Map<String, JsonNode> chinese = flatten(read(app, "zh-cn"));
        List<String> wrong = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (zh == null) {
                return; // the key test names it
            }
            if (!en.isTextual()) {
                if (!zh.equals(en)) { // dateLocales.week.dow / doy: numbers, the same in both
                    wrong.add(key + ": " + zh + " instead of " + en);
                }
                return;
            }
            String enText = en.asText();
            String zhText = zh.asText();
            // Empty only where English is, or where English appends its plural "s" (Chinese has none).
            if (zhText.isBlank() && !enText.isBlank() && !enText.equals("s")) {
                wrong.add(key + ": empty");
            }
            if (!placeholders(enText).equals(placeholders(zhText))) {
                wrong.add(key + ": placeholders " + placeholders(zhText) + ", English has " + placeholders(enText));
            }
            if (!all(LINK, enText).equals(all(LINK, zhText))) {
                wrong.add(key + ": links " + all(LINK, zhText) + ", English has " + all(LINK, enText));
            }
        });
        assertThat(wrong).as("values of %s's zh-cn.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void almostEveryLabelIsChinese(String app) throws IOException {
        Map<String, JsonNode> chinese = flatten(read(app, "zh-cn"));
        long labels = chinese.keySet().stream().filter(k -> k.startsWith("labels.")).count();
        // The rest: "ID", "CSV", "JSON", "null", "Camunda", "<=", a date pattern, the empty plural "s".
        long han = chinese.entrySet().stream().filter(e -> e.getKey().startsWith("labels."))
                .filter(e -> HAN.matcher(e.getValue().asText()).find()).count();
        assertThat((double) han / labels).as("share of %s's labels in Chinese", app).isGreaterThan(0.95);
    }

    @ParameterizedTest
    @CsvSource({
            "tasklist, labels.CLAIM_TASK, 认领",
            "tasklist, labels.START_PROCESS, 发起流程",
            "tasklist, labels.DELEGATE_TASK, 委托",
            "tasklist, labels.FILTER_CREATE, 过滤器",
            "tasklist, dateLocales.months.0, 一月",
            "cockpit, labels.DASHBOARD_PROCESS_DEFINITIONS, 流程定义",
            "cockpit, labels.DASHBOARD_RUNNING_PROCESS_INSTANCE, 流程实例",
            "cockpit, labels.COCKPIT_DEPLOYMENTS, 部署",
            "cockpit, labels.PLUGIN_JOBS, 作业",
            "cockpit, labels.PLUGIN_DECISION_TABLE_NO_DECISION_TABLES_DEPLOYED, 决策表",
            "cockpit, labels.DASHBOARD_OPEN_INCIDENTS, 异常事件",
            "admin, labels.USERS_LIST_USERS, 用户",
            "admin, labels.AUTHORIZATION_AUTHORIZATIONS, 授权",
            "welcome, labels.PAGE_LOGIN_SIGN_IN_ACTION, 登录",
            "welcome, labels.CAM_WIDGET_HEADER_SIGN_OUT, 退出登录"
    })
    void theVocabularyOfCivilAffairsStaff(String app, String key, String expected) throws IOException {
        assertThat(flatten(read(app, "zh-cn")).get(key).asText()).contains(expected);
    }

    // --- the files ----------------------------------------------------------------------------------------

    private static JsonNode read(String app, String locale) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the class path").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's files start with a byte order mark, which Jackson does not skip in a String.
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Dotted keys, list items by index: {@code labels.CLAIM_TASK}, {@code dateLocales.months.0}. */
    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> flat = new TreeMap<>();
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), flat);
            }
        } else {
            flat.put(prefix.substring(0, prefix.length() - 1), node);
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1) != null ? "{{" + m.group(1) + "}}" : m.group());
        }
        found.sort(null);
        return found;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
