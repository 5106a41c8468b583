package org.doudi.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.doudi.shared.FieldViolation;
import org.doudi.shared.FormDates;
import org.doudi.shared.Texts;

/**
 * What a 民主评议 record holds, checked the same way whether it comes from a task form or the API: the day
 * it was held (not in the future, not before the application), who took part (names, and optionally how
 * many), the result (通过 / 不通过, or a vote summary that starts with one of them) and notes.
 *
 * @param heldOn the day it was held
 * @param participants who took part (names, roles)
 * @param participantCount how many took part, when given
 * @param result {@link DemocraticAppraisal#PASSED} or {@link DemocraticAppraisal#FAILED}
 * @param notes the vote summary and what was said, optional
 */
public record AppraisalInput(LocalDate heldOn, String participants, Integer participantCount, String result,
        String notes) {

    static final int MAX_TEXT = 2000;

    /** The names of the fields, as the API or a form calls them. */
    public record Names(String heldOn, String participants, String participantCount, String result, String notes) {
        /** {@code POST /api/cases/{n}/appraisals}. */
        public static final Names API = new Names("heldOn", "participants", "participantCount", "result", "notes");
        /** The optional 民主评议 fields of the township-review and objection forms. */
        public static final Names FORM = new Names("appraisalHeldOn", "appraisalParticipants",
                "appraisalParticipantCount", "appraisalResult", "appraisalNotes");
    }

    /**
     * Reads and checks raw values; every problem goes into {@code problems} (named by {@code names}, with
     * the Chinese label). Returns {@code null} when anything is wrong.
     *
     * @param earliest the first day an appraisal of the case can have been held (the application's day)
     * @param today today in China Standard Time
     */
    public static AppraisalInput read(Object heldOn, Object participants, Object participantCount, Object result,
            Object notes, Names names, LocalDate earliest, LocalDate today, List<FieldViolation> problems) {
        List<FieldViolation> found = new ArrayList<>();
        LocalDate day = null;
        if (!FormDates.given(heldOn)) {
            found.add(new FieldViolation(names.heldOn(), "必须填写（格式 yyyy-MM-dd）"));
        } else {
            day = FormDates.parse(heldOn).orElse(null);
            if (day == null) {
                found.add(new FieldViolation(names.heldOn(), "不是有效日期（格式 yyyy-MM-dd，如 2026-12-07）"));
            } else if (day.isAfter(today)) {
                found.add(new FieldViolation(names.heldOn(), "不能晚于今天（" + today + "）"));
                day = null;
            } else if (earliest != null && day.isBefore(earliest)) {
                found.add(new FieldViolation(names.heldOn(), "不能早于提出申请之日（" + earliest + "）"));
                day = null;
            }
        }
        String who = text(participants, names.participants(), "参加评议人员", true, found);
        Integer count = null;
        if (FormDates.given(participantCount)) {
            count = count(participantCount);
            if (count == null || count < 1 || count > 1000) {
                found.add(new FieldViolation(names.participantCount(), "必须是 1 到 1000 之间的整数"));
                count = null;
            }
        }
        String outcome = null;
        if (!FormDates.given(result)) {
            found.add(new FieldViolation(names.result(), "必须选择（通过 / 不通过）"));
        } else {
            outcome = result(result.toString());
            if (outcome == null) {
                found.add(new FieldViolation(names.result(), "只能是“通过”或“不通过”"));
            }
        }
        String remarks = text(notes, names.notes(), "评议情况", false, found);
        problems.addAll(found);
        return found.isEmpty() ? new AppraisalInput(day, who, count, outcome, remarks) : null;
    }

    /** The Chinese labels of the fields, by their role. */
    static final java.util.Map<String, String> LABELS = java.util.Map.of("heldOn", "民主评议日期", "participants",
            "参加评议人员", "participantCount", "参加人数", "result", "评议结果", "notes", "评议情况");

    /** The problems of an API request, each with the field's Chinese label in front, as the API answers them. */
    static List<FieldViolation> labelled(List<FieldViolation> problems) {
        return problems.stream().map(p -> new FieldViolation(p.field(),
                LABELS.containsKey(p.field()) ? "「" + LABELS.get(p.field()) + "」" + p.message() : p.message()))
                .toList();
    }

    /** Whether any of the values was given: the form's appraisal part is optional as a whole. */
    public static boolean anyGiven(Object... values) {
        for (Object v : values) {
            if (FormDates.given(v)) {
                return true;
            }
        }
        return false;
    }

    /** 通过 / 不通过, also as {@code passed} / {@code failed}; {@code null} for anything else. */
    static String result(String given) {
        String s = given.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "通过", "passed", "pass" -> DemocraticAppraisal.PASSED;
            case "不通过", "未通过", "failed", "fail" -> DemocraticAppraisal.FAILED;
            default -> null;
        };
    }

    private static Integer count(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l) {
            return l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? (int) d : null;
        }
        if (value instanceof String s && s.trim().matches("[0-9]{1,6}")) {
            return Integer.valueOf(s.trim());
        }
        return null;
    }

    private static String text(Object value, String field, String label, boolean required,
            List<FieldViolation> found) {
        String t = value == null ? null : Texts.multiLine(value.toString());
        if (t == null) {
            if (required) {
                found.add(new FieldViolation(field, "必须填写"));
            }
            return null;
        }
        if (t.length() > MAX_TEXT) {
            found.add(new FieldViolation(field, "不能超过 " + MAX_TEXT + " 个字"));
            return null;
        }
        return t;
    }
}
