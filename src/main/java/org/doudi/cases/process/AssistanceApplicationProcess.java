package org.doudi.cases.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.cases.CaseProcess;
import org.doudi.cases.Programme;
import org.doudi.cases.TaskAnswers;
import org.doudi.security.SystemAuthority;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/AssistanceApplication.bpmn} (低保 and 特困 from acceptance to
 * decision): its key, element ids, variables and message, and the one place that calls the engine
 * for it. The business key of every instance is the case number.
 */
@NamedInterface("process")
@Component
public class AssistanceApplicationProcess implements CaseProcess, TaskAnswers {

    public static final String KEY = "AssistanceApplication";

    // User tasks (ids are in the public contract).
    public static final String TASK_ACCEPT = "Task_AcceptApplication";
    public static final String TASK_TOWNSHIP_REVIEW = "Task_TownshipReview";
    public static final String TASK_HANDLE_OBJECTION = "Task_HandleObjection";
    public static final String TASK_DECISION = "Task_CountyDecision";
    /** 特困: the county's home check of a sampled case before it decides. */
    public static final String TASK_SPOT_CHECK = "Task_SpotCheck";
    /** Delegated 低保: the county's check of a sampled township decision. */
    public static final String TASK_DELEGATED_SPOT_CHECK = "Task_DelegatedSpotCheck";
    /** 送达不予批准告知书: the township delivers the written notice within 3 working days of the rejection. */
    public static final String TASK_DELIVER_REJECTION_NOTICE = "Task_DeliverRejectionNotice";

    // Other elements that tests and operators refer to.
    /** Posts the notice; the timer then waits for its end. */
    public static final String TASK_START_PUBLIC_NOTICE = "Task_StartPublicNotice";
    /** Only when the notice's days have passed (the clock at or after {@code noticeEndsAt}). */
    public static final String TASK_END_PUBLIC_NOTICE = "Task_EndPublicNotice";
    /** Asynchronous: carries out the recorded approval (an incident says why when it may not). */
    public static final String TASK_ENROL = "Task_Enrol";
    public static final String CALL_INCOME_VERIFICATION = "Call_IncomeVerification";
    /** An upheld objection: verification, home visit and assessment again. */
    public static final String CALL_RE_INVESTIGATION = "Call_ReInvestigation";
    /** Issues the written rejection notice with its reasons, before the township delivers it. */
    public static final String TASK_SEND_REJECTION_NOTICE = "Task_SendRejectionNotice";
    public static final String EVENT_NOTICE_ENDS = "Timer_NoticeEnds";
    public static final String EVENT_OBJECTION = "Event_ObjectionReceived";
    /** Where every decided case ends, approved or rejected (after any spot check). */
    public static final String END_DECIDED = "End_Decided";
    public static final String END_NOT_ACCEPTED = "End_NotAccepted";

    /** An objection during the public notice, correlated by business key. */
    public static final String MSG_NOTICE_OBJECTION = "Msg_NoticeObjection";

    // Shown on every task, read from the case when the task is created (TaskPreparation). Routing and
    // gateways do not read variables (anyone completing a task could overwrite them): they ask the case
    // through CaseRouting.
    public static final String VAR_CASE_NUMBER = "caseNumber";
    public static final String VAR_PROGRAMME = "programme";
    public static final String VAR_KIND = "kind";
    public static final String VAR_VILLAGE = "villageCode";
    public static final String VAR_VILLAGE_NAME = "villageName";
    public static final String VAR_APPLICANT_NAME = "applicantName";
    public static final String VAR_CASE_SUMMARY = "caseSummary";

    // Decision fields of the forms (contract).
    public static final String VAR_ACCEPTED = "accepted";
    public static final String VAR_MISSING_MATERIALS = "missingMaterials";
    public static final String VAR_TOWNSHIP_DECISION = "townshipDecision";
    public static final String VAR_TOWNSHIP_OPINION = "townshipOpinion";
    /** Shown on the forms: the household's members, IDs masked (a Markdown table). */
    public static final String VAR_MEMBERS_SUMMARY = "membersSummary";
    /** Shown on the county's decision: the home visit as recorded (who, when, what they found). */
    public static final String VAR_HOME_VISIT_SUMMARY = "homeVisitSummary";
    /** Shown on the county's decision: the objections raised during the public notice and what became of them. */
    public static final String VAR_OBJECTIONS_SUMMARY = "objectionsSummary";
    public static final String VAR_OBJECTION_UPHELD = "objectionUpheld";
    public static final String VAR_OBJECTION_FINDINGS = "objectionFindings";
    public static final String VAR_OBJECTION_TEXT = "objectionText";
    public static final String VAR_DECISION = "countyDecision";
    public static final String VAR_DECISION_OPINION = "countyOpinion";
    public static final String VAR_SPOT_CHECK_SELECTED = "spotCheckSelected";
    public static final String VAR_SPOT_CHECK_RESULT = "spotCheckResult";
    public static final String VAR_SPOT_CHECK_NOTES = "spotCheckNotes";
    /** Delivery of the rejection notice: the day (yyyy-MM-dd), how ({@code Reviews.DELIVERY_METHODS}), notes. */
    public static final String VAR_NOTICE_DELIVERED_ON = "noticeDeliveredOn";
    public static final String VAR_DELIVERY_METHOD = "deliveryMethod";
    public static final String VAR_DELIVERY_NOTES = "deliveryNotes";
    /** When the public notice ends (a Date; the timer waits for it). */
    public static final String VAR_NOTICE_ENDS_AT = "noticeEndsAt";
    public static final String VAR_MONTHLY_AMOUNT = "monthlyAmount";
    public static final String VAR_BENEFIT_START_MONTH = "benefitStartMonth";

    // Values of the decision fields.
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final String RETURN = "return";
    public static final String SPOT_CHECK_CONFIRMED = "confirmed";
    public static final String SPOT_CHECK_IRREGULAR = "irregular";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final SystemAuthority system;

    AssistanceApplicationProcess(RuntimeService runtimeService, TaskService taskService, SystemAuthority system) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.system = system;
    }

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<Programme> programmes() {
        return Set.of(Programme.DIBAO, Programme.TEKUN);
    }

    /**
     * The decision fields of its tasks (the features add theirs: {@code safeguards} the 核对授权书 on
     * acceptance, {@code review} 民主评议, 特殊情况 and 转介 on the township review).
     */
    @Override
    public Map<String, List<String>> answersByTask() {
        List<String> spotCheck = List.of(VAR_SPOT_CHECK_RESULT, VAR_SPOT_CHECK_NOTES);
        return Map.of(
                TASK_ACCEPT, List.of(VAR_ACCEPTED, VAR_MISSING_MATERIALS),
                TASK_TOWNSHIP_REVIEW, List.of(VAR_TOWNSHIP_DECISION, VAR_TOWNSHIP_OPINION),
                TASK_HANDLE_OBJECTION, List.of(VAR_OBJECTION_UPHELD, VAR_OBJECTION_FINDINGS),
                TASK_DECISION, List.of(VAR_DECISION, VAR_DECISION_OPINION),
                TASK_SPOT_CHECK, spotCheck,
                TASK_DELEGATED_SPOT_CHECK, spotCheck);
    }

    /**
     * Delivers an objection to the waiting notice.
     *
     * @return false when the instance is not waiting for one
     */
    public boolean correlateObjection(String caseNumber, String text) {
        try {
            system.call(() -> runtimeService.createMessageCorrelation(MSG_NOTICE_OBJECTION)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariable(VAR_OBJECTION_TEXT, text)
                    .correlateWithResult());
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /**
     * Shows a further objection, received while the first is being handled, on the handling task (whose
     * own copy, made when it was created, shadows the instance's).
     */
    public void updateObjectionText(String processInstanceId, String text) {
        system.call(() -> {
            runtimeService.setVariable(processInstanceId, VAR_OBJECTION_TEXT, text);
            taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(TASK_HANDLE_OBJECTION)
                    .list().forEach(t -> taskService.setVariableLocal(t.getId(), VAR_OBJECTION_TEXT, text));
            return null;
        });
    }
}
