package org.doudi.gateway;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseIntake;
import org.doudi.cases.Programme;
import org.doudi.cases.process.CaseProcesses;
import org.doudi.shared.Amounts;
import org.doudi.shared.InvalidInputException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Tasklist start forms of the case processes ({@code submit-form} of AssistanceApplication and
 * TemporaryAssistance): the submitted fields become an application that the intake checks and
 * registers, exactly as {@code POST /api/applications} does, and the intake starts the process. So a
 * start form takes the same checks as the API, and the resident IDs and phone numbers it carries go to
 * the case's tables, never into process variables (which Cockpit shows and history keeps for years).
 */
@Component
class StartForms {

    private final RepositoryService repository;
    private final CaseProcesses processes;
    private final CaseIntake intake;

    StartForms(RepositoryService repository, CaseProcesses processes, CaseIntake intake) {
        this.repository = repository;
        this.processes = processes;
        this.intake = intake;
    }

    /** The definition a {@code submit-form} call names: {@code /process-definition/{id}/…} or {@code …/key/{key}/…}. */
    ProcessDefinition definitionOf(String relativePath) {
        String[] s = relativePath.split("/");
        // ["", "process-definition", id, "submit-form"] or ["", "process-definition", "key", key, "submit-form"]
        if (s.length >= 5 && "key".equals(s[2])) {
            return repository.createProcessDefinitionQuery().processDefinitionKey(s[3]).latestVersion()
                    .withoutTenantId().singleResult();
        }
        return s.length >= 4 ? repository.createProcessDefinitionQuery().processDefinitionId(s[2]).singleResult()
                : null;
    }

    /** Whether this process takes applications through its start form. */
    boolean takesApplications(ProcessDefinition definition) {
        return !processes.programmesOf(definition.getKey()).isEmpty();
    }

    /** Registers the application and starts its process; the caller's identity is the engine's current one. */
    AssistanceCase submit(ProcessDefinition definition, JsonNode variables) {
        ApplicationForm form = formOf(variables, processes.programmesOf(definition.getKey()));
        return intake.submit(form);
    }

    static ApplicationForm formOf(JsonNode variables, Set<Programme> carried) {
        String programme = text(variables, "programme");
        if ((programme == null || programme.isBlank()) && carried.size() == 1) {
            programme = carried.iterator().next().name();
        }
        Programme asked = Programme.parse(programme).orElse(null);
        if (asked != null && !carried.contains(asked)) {
            throw InvalidInputException.of("programme", "此流程不受理该救助项目，只受理 " + carried
                    + " (this process carries " + carried + " only)");
        }
        JsonNode applicant = json(variables, "applicant");
        ApplicationForm.Applicant a = applicant == null ? null
                : new ApplicationForm.Applicant(field(applicant, "name"), field(applicant, "idNumber"),
                        field(applicant, "phone"), staffRelation(applicant));
        List<ApplicationForm.Member> members = new ArrayList<>();
        JsonNode list = json(variables, "members");
        if (list != null) {
            if (!list.isArray()) {
                throw InvalidInputException.of("members", "必须是成员列表 (must be a list)");
            }
            int i = 0;
            for (JsonNode m : list) {
                if (!m.isObject()) {
                    throw InvalidInputException.of("members[" + i + "]", "必须是成员信息 (must be a member)");
                }
                members.add(new ApplicationForm.Member(field(m, "name"), field(m, "idNumber"), field(m, "relation"),
                        grade(m, i), field(m, "disabilityCategory"), flag(m, "seriousIllness"), null,
                        flag(m, "inSchool"), staffRelation(m)));
                i++;
            }
        }
        return new ApplicationForm(programme, text(variables, "kind"), text(variables, "villageCode"), a, members,
                text(variables, "reason"), amount(variables, "requestedAmount"), text(variables, "cause"));
    }

    /** The optional near relation to staff (近亲属备案) of the applicant or a member: a group of three texts. */
    private static ApplicationForm.StaffRelationDeclaration staffRelation(JsonNode person) {
        JsonNode d = person.get("staffRelation");
        if (d == null || d.isNull()) {
            return null;
        }
        if (!d.isObject()) {
            throw InvalidInputException.of("staffRelation", "必须是近亲属备案信息 (must be a group)");
        }
        return new ApplicationForm.StaffRelationDeclaration(field(d, "relation"), field(d, "staffName"),
                field(d, "staffPost"));
    }

    /** The value of a submitted variable {@code {"value": …, "type": …}}, or {@code null}. */
    private static JsonNode value(JsonNode variables, String name) {
        JsonNode v = variables.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        JsonNode value = v.get("value");
        return value == null || value.isNull() ? null : value;
    }

    private static String text(JsonNode variables, String name) {
        JsonNode v = value(variables, name);
        if (v == null) {
            return null;
        }
        if (!v.isValueNode()) {
            throw InvalidInputException.of(name, "必须是文字 (must be text)");
        }
        return v.asText();
    }

    /** A group or dynamic list: Tasklist sends it as a Json variable, whose value may be the JSON text. */
    private static JsonNode json(JsonNode variables, String name) {
        JsonNode v = value(variables, name);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            if (v.asText().isBlank()) {
                return null;
            }
            try {
                return StrictJson.parseAny(v.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (StrictJson.Refused e) {
                throw InvalidInputException.of(name, e.getMessage());
            }
        }
        return v;
    }

    private static String field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw InvalidInputException.of(name, "必须是文字 (must be text)");
        }
        return v.asText();
    }

    private static Integer grade(JsonNode member, int index) {
        JsonNode v = member.get("disabilityGrade");
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().trim().matches("[0-9]{1,2}")) {
            return Integer.parseInt(v.asText().trim());
        }
        throw InvalidInputException.of("members[" + index + "].disabilityGrade", "必须是 1 到 4 的整数 (must be 1 to 4)");
    }

    private static Boolean flag(JsonNode member, String name) {
        JsonNode v = member.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? v.asBoolean() : Boolean.valueOf(v.asText());
    }

    private static BigDecimal amount(JsonNode variables, String name) {
        JsonNode v = value(variables, name);
        if (v == null || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        Optional<BigDecimal> parsed = v.isNumber() ? Optional.of(v.decimalValue()).filter(Amounts::plausible)
                : v.isTextual() ? Amounts.parse(v.asText()) : Optional.empty();
        if (parsed.isPresent()) {
            return parsed.get();
        }
        throw InvalidInputException.of(name, "必须是金额（元，阿拉伯数字）(must be an amount in yuan)");
    }

    /** The names of the submitted variables. */
    static List<String> names(JsonNode variables) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = variables.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** What Tasklist expects back from a start: the engine's process-instance answer, plus the case number. */
    static Map<String, Object> startedAnswer(AssistanceCase c, ProcessDefinition definition, String selfLink) {
        return Map.of("id", c.processInstanceId(), "definitionId", definition.getId(), "businessKey", c.caseNumber(),
                "ended", false, "suspended", false, "caseNumber", c.caseNumber(),
                "links", List.of(Map.of("method", "GET", "href", selfLink, "rel", "self")));
    }

    static String toJson(Object value) {
        try {
            return StrictJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
