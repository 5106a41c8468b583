package org.doudi.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what a task form submitted, whatever typed it (Tasklist sends whole numbers as Long, decimals
 * as Double, REST clients may send strings), checks it, and collects every problem. The engine does
 * not check submissions against a form, so the listener at the end of every user task does it here.
 * {@link #validate()} throws {@link FormFieldValidationException}, the one engine exception that
 * {@code /engine-rest} answers with 400 when a task is completed or a form submitted; Tasklist shows
 * its message, and the task stays open with nothing changed. (An exception from a task listener would
 * be wrapped by the engine and answered with 500; an execution listener's is passed on as it is.)
 */
public final class FormInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The largest monthly amount a form may enter, to catch slips of the keyboard. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    private final VariableScope scope;
    private final List<FieldViolation> violations = new ArrayList<>();

    private FormInput(VariableScope scope) {
        this.scope = scope;
    }

    public static FormInput of(VariableScope scope) {
        return new FormInput(scope);
    }

    public Boolean requiredBoolean(String name) {
        Object value = scope.getVariable(name);
        Boolean b = toBoolean(value);
        if (b == null) {
            violations.add(new FieldViolation(name, value == null ? "必须选择（是或否）" : "只能是“是”或“否”(true/false)"));
            return null;
        }
        scope.setVariable(name, b);
        return b;
    }

    /** A yes/no field with a default when left out. */
    public boolean optionalBoolean(String name, boolean whenAbsent) {
        Boolean b = optionalBoolean(name);
        return b == null ? whenAbsent : b;
    }

    /** A yes/no field, or {@code null} when left out. */
    public Boolean optionalBoolean(String name) {
        Object value = scope.getVariable(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        Boolean b = toBoolean(value);
        if (b == null) {
            violations.add(new FieldViolation(name, "只能是“是”或“否”(true/false)"));
            return null;
        }
        scope.setVariable(name, b);
        return b;
    }

    public String requiredText(String name, int maxLength) {
        String text = optionalText(name, maxLength);
        if (text == null && violations.stream().noneMatch(v -> v.field().equals(name))) {
            violations.add(new FieldViolation(name, "必须填写"));
        }
        return text;
    }

    /**
     * The text without control or invisible characters, trimmed ({@link Texts#multiLine}); {@code null}
     * when absent or when nothing visible is left. The cleaned text is stored back.
     */
    public String optionalText(String name, int maxLength) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = Texts.multiLine(value.toString());
        if (text == null) {
            return null;
        }
        if (value instanceof String given && !text.equals(given)) {
            scope.setVariable(name, text);
        }
        if (text.length() > maxLength) {
            violations.add(new FieldViolation(name, "不能超过 " + maxLength + " 个字"));
            return null;
        }
        return text;
    }

    /** One of the allowed values (case-insensitive); stored back in its canonical spelling. */
    public String requiredChoice(String name, Set<String> allowed) {
        Object value = scope.getVariable(name);
        String sorted = allowed.stream().sorted().collect(Collectors.joining(", "));
        if (value == null || value.toString().isBlank()) {
            violations.add(new FieldViolation(name, "必须选择（" + sorted + "）"));
            return null;
        }
        String given = value.toString().trim();
        for (String choice : allowed) {
            if (choice.equalsIgnoreCase(given)) {
                scope.setVariable(name, choice);
                return choice;
            }
        }
        violations.add(new FieldViolation(name, "只能是 " + sorted + " 之一"));
        return null;
    }

    /** An amount in 元: not negative, at most two decimals. */
    public BigDecimal requiredAmount(String name) {
        Object value = scope.getVariable(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            violations.add(new FieldViolation(name, "必须填写（元，没有填 0）"));
            return null;
        }
        return amount(name, value);
    }

    public BigDecimal optionalAmount(String name) {
        Object value = scope.getVariable(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        return amount(name, value);
    }

    private BigDecimal amount(String name, Object value) {
        BigDecimal amount = toDecimal(value);
        if (amount == null) {
            violations.add(new FieldViolation(name, "必须是金额（元），只用半角数字，如 100 或 100.50"));
            return null;
        }
        if (amount.signum() < 0) {
            violations.add(new FieldViolation(name, "不能为负数"));
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            violations.add(new FieldViolation(name, "最多两位小数（分）"));
            return null;
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            violations.add(new FieldViolation(name, "金额过大，请核对"));
            return null;
        }
        return amount.setScale(2);
    }

    /**
     * A required calendar day ({@code yyyy-MM-dd} as Tasklist's date field sends it, or a date or ISO date-time
     * from a REST client; see {@link FormDates}), or {@code null} with the problem recorded.
     */
    public LocalDate requiredDate(String name) {
        Object value = scope.getVariable(name);
        if (!FormDates.given(value)) {
            violations.add(new FieldViolation(name, "必须填写（格式 yyyy-MM-dd）"));
            return null;
        }
        LocalDate day = FormDates.parse(value).orElse(null);
        if (day == null) {
            violations.add(new FieldViolation(name, "不是有效日期（格式 yyyy-MM-dd，如 2026-12-07）"));
        }
        return day;
    }

    /** The submitted value as it is, for fields read by a rule shared with the API (民主评议). */
    public Object value(String name) {
        return scope.getVariable(name);
    }

    /**
     * A list of short texts (a checklist's values), or {@code null} when left out: a list, a JSON array (as
     * Tasklist submits a Json variable) or its text, or comma-separated values.
     */
    public List<String> optionalList(String name, int maxItems) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(o -> items.add(o == null ? "" : o.toString().trim()));
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                try {
                    JsonNode array = JSON.readTree(text);
                    array.forEach(n -> items.add(n.isValueNode() ? n.asText().trim() : "?"));
                } catch (JsonProcessingException e) {
                    violations.add(new FieldViolation(name, "不是有效的列表"));
                    return null;
                }
            } else if (!text.isEmpty()) {
                for (String part : text.split("[,，、]")) {
                    items.add(part.trim());
                }
            }
        }
        if (items.size() > maxItems || items.stream().anyMatch(i -> i.isEmpty() || i.length() > 40)) {
            violations.add(new FieldViolation(name, "列表的项目不正确"));
            return null;
        }
        return items;
    }

    /** Records a problem found by the caller's own rule. */
    public void reject(String name, String message) {
        violations.add(new FieldViolation(name, message));
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    /** Throws when anything was wrong; the message names every field, in Chinese and by its key. */
    public void validate() {
        if (!violations.isEmpty()) {
            throw new RefusedSubmission(violations.stream().map(FieldViolation::field).distinct().toList(),
                    "表单填写有误：" + violations.stream().map(FormInput::describe).collect(Collectors.joining("；")));
        }
    }

    private static String describe(FieldViolation v) {
        String label = FieldLabels.of(v.field());
        return (label == null ? v.field() : "「" + label + "」(" + v.field() + ")") + " " + v.message();
    }

    static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "是" -> Boolean.TRUE;
                case "false", "否" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    static BigDecimal toDecimal(Object value) {
        return Amounts.of(value).orElse(null);
    }
}
