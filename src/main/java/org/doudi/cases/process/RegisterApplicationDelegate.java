package org.doudi.cases.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_CASE_NUMBER;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.doudi.cases.ApplicationForm;
import org.doudi.cases.CaseIntake;
import org.doudi.cases.DuplicateCaseException;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.Programme;
import org.doudi.shared.Amounts;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.doudi.shared.RefusedSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Task_RegisterApplication}: an instance started over the API already has its case, which is
 * bound to it here (once); one started from the Tasklist intake form registers its case here from the
 * submitted fields, through the same checks.
 * A bad submission fails the start with a message that names the fields, and nothing is kept.
 */
@Component("registerApplication")
class RegisterApplicationDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RegisterApplicationDelegate.class);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final CaseIntake intake;

    private final CaseProcesses processes;

    RegisterApplicationDelegate(CaseIntake intake, CaseProcesses processes) {
        this.intake = intake;
        this.processes = processes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object caseNumber = execution.getVariable(VAR_CASE_NUMBER);
        if (caseNumber != null) {
            // Started over the API for a case just registered; never a second instance for a case.
            intake.bindProcess(caseNumber.toString(), execution.getProcessInstanceId());
            return;
        }
        try {
            intake.registerFromStartForm(forThisProcess(formOf(execution), execution), execution);
        } catch (InvalidInputException e) {
            // Answered with 400 by /engine-rest and shown by Tasklist; the start is rolled back.
            throw refused(execution, new RefusedSubmission(e.violations().stream().map(v -> v.field()).distinct()
                    .toList(), "申请信息有误 (invalid application): " + e.getMessage()));
        } catch (DuplicateCaseException e) {
            throw refused(execution, new FormFieldValidationException(e.field(),
                    "已有在办案件 (duplicate): " + e.getMessage()));
        } catch (IntakeRefusedException e) {
            throw refused(execution, new FormFieldValidationException(e.field(),
                    "不予登记 (refused): " + e.getMessage()));
        } catch (OutsideScopeException e) {
            throw refused(execution, new FormFieldValidationException("villageCode",
                    "超出本人辖区 (outside your region): " + e.getMessage()));
        }
    }

    /** One WARN line (fields, never values); the engine's ERROR with stack trace for it is filtered out. */
    private static FormFieldValidationException refused(DelegateExecution execution,
            FormFieldValidationException e) {
        log.warn("start form refused: process {}, fields {}", execution.getProcessDefinitionId(),
                RefusedSubmission.fieldsOf(e));
        return e;
    }

    /**
     * A process registers only the programmes it carries; a start form without a programme field (the
     * temporary-assistance one) registers the process's only programme.
     */
    ApplicationForm forThisProcess(ApplicationForm form, DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        Set<Programme> carried = processes.programmesOf(processKey);
        String programme = form.programme();
        if ((programme == null || programme.isBlank()) && carried.size() == 1) {
            programme = carried.iterator().next().name();
        }
        Programme asked = Programme.parse(programme).orElse(null);
        if (asked != null && !carried.contains(asked)) {
            throw InvalidInputException.of("programme", "此流程不受理该救助项目，只受理 " + carried
                    + " (this process carries " + carried + " only)");
        }
        return new ApplicationForm(programme, form.kind(), form.villageCode(), form.applicant(), form.members(),
                form.reason(), form.requestedAmount(), form.cause());
    }

    static ApplicationForm formOf(DelegateExecution execution) {
        JsonNode applicant = json(execution.getVariable("applicant"), "applicant");
        ApplicationForm.Applicant a = applicant != null
                ? new ApplicationForm.Applicant(text(applicant, "name"), text(applicant, "idNumber"),
                        text(applicant, "phone"))
                : new ApplicationForm.Applicant(str(execution, "applicantName"), str(execution, "applicantIdNumber"),
                        str(execution, "applicantPhone"));
        List<ApplicationForm.Member> members = new ArrayList<>();
        JsonNode list = json(execution.getVariable("members"), "members");
        if (list != null) {
            if (!list.isArray()) {
                throw InvalidInputException.of("members", "must be a list");
            }
            for (JsonNode m : list) {
                members.add(new ApplicationForm.Member(text(m, "name"), text(m, "idNumber"), text(m, "relation"),
                        integer(m, "disabilityGrade"), text(m, "disabilityCategory"), bool(m, "seriousIllness"),
                        bool(m, "ableToWork")));
            }
        }
        Object requested = execution.getVariable("requestedAmount");
        return new ApplicationForm(str(execution, "programme"), str(execution, "kind"), str(execution, "villageCode"),
                a, members, str(execution, "reason"), requested == null || requested.toString().isBlank() ? null
                        : decimal(requested), str(execution, "cause"));
    }

    private static BigDecimal decimal(Object value) {
        return Amounts.of(value).orElseThrow(() -> InvalidInputException.of("requestedAmount",
                "must be a number of 元 in ASCII digits, e.g. 100 or 100.50 (只用半角数字)"));
    }

    /** Tasklist submits groups and dynamic lists as Json (a Spin node with the plugin), REST clients as strings. */
    private static JsonNode json(Object value, String field) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof String s) {
                return s.isBlank() ? null : JSON.readTree(s);
            }
            if (value.getClass().getName().startsWith("org.camunda.spin")) {
                return JSON.readTree(value.toString());
            }
            return JSON.valueToTree(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw InvalidInputException.of(field, "is not valid JSON");
        }
    }

    private static String str(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v == null ? null : v.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().trim().matches("\\d{1,2}")) {
            return Integer.parseInt(v.asText().trim());
        }
        throw InvalidInputException.of("members." + field, "must be a whole number");
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? v.asBoolean() : Boolean.valueOf(v.asText());
    }
}
