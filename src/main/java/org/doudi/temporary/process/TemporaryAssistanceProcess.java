package org.doudi.temporary.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doudi.cases.CaseProcess;
import org.doudi.cases.Programme;
import org.doudi.cases.TaskAnswers;
import org.doudi.cases.process.AssistanceApplicationProcess;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/TemporaryAssistance.bpmn} (临时救助).
 * Acceptance, the township review, the county decision and the rejection notice share their ids,
 * fields and beans with {@code AssistanceApplication}. {@code cases.process.CaseProcesses} starts it.
 */
@Component
public class TemporaryAssistanceProcess implements CaseProcess, TaskAnswers {

    public static final String KEY = "TemporaryAssistance";

    public static final String TASK_ACCEPT = AssistanceApplicationProcess.TASK_ACCEPT;
    public static final String TASK_EMERGENCY_GRANT = "Task_EmergencyGrant";
    public static final String TASK_TOWNSHIP_REVIEW = AssistanceApplicationProcess.TASK_TOWNSHIP_REVIEW;
    public static final String TASK_DECISION = AssistanceApplicationProcess.TASK_DECISION;
    public static final String TASK_COMPLETE_PAPERWORK = "Task_CompletePaperwork";
    public static final String TASK_FOLLOW_UP_CHECK = "Task_FollowUpCheck";
    /** Asynchronous: pays the county's recorded approval (an incident says why when it may not). */
    public static final String TASK_GRANT_FROM_COUNTY = "Task_GrantFromCounty";
    public static final String EVENT_FOLLOW_UP = "Timer_FollowUp";

    /** 先行救助: the amount the township grants (元); on the county's form, what the township proposed. */
    public static final String VAR_GRANT_AMOUNT = "grantAmount";
    /** The county's approved amount (元), required when it approves. */
    public static final String VAR_APPROVED_AMOUNT = "approvedAmount";
    public static final String VAR_PAPERWORK_COMPLETE = "paperworkComplete";
    public static final String VAR_PAPERWORK_NOTES = "paperworkNotes";
    public static final String VAR_STILL_IN_DIFFICULTY = "stillInDifficulty";
    public static final String VAR_FOLLOW_UP_NOTES = "followUpNotes";
    /** Set when the follow-up started a 低保 case. */
    public static final String VAR_LINKED_CASE_NUMBER = "linkedCaseNumber";
    /** Shown on the grant form: the township's cap and the fund's balance, read when the task is created. */
    public static final String VAR_GRANT_CONTEXT = "grantContext";

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<Programme> programmes() {
        return Set.of(Programme.TEMPORARY);
    }

    /** Its own fields; those of the tasks it shares are named by {@code AssistanceApplicationProcess}. */
    @Override
    public Map<String, List<String>> answersByTask() {
        return Map.of(
                TASK_EMERGENCY_GRANT, List.of(VAR_GRANT_AMOUNT, EmergencyGrantListener.VAR_SUBMIT_TO_COUNTY),
                TASK_DECISION, List.of(VAR_APPROVED_AMOUNT),
                TASK_COMPLETE_PAPERWORK, List.of(VAR_PAPERWORK_COMPLETE, VAR_PAPERWORK_NOTES));
    }
}
