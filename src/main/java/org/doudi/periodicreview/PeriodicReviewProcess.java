package org.doudi.periodicreview;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseProcess;
import org.doudi.cases.Programme;
import org.doudi.cases.TaskAnswers;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/PeriodicReview.bpmn} (复核), {@code ReviewScheduler.bpmn} and
 * {@code ReviewCampaign.bpmn}: keys, element ids and variables. A review case ({@code FH-…}) is carried by
 * PeriodicReview, never started from a Tasklist start form (it takes no applications: {@link #programmes()} is
 * empty); the engine binds the instance to its case as for applications.
 */
@Component
public class PeriodicReviewProcess implements CaseProcess, TaskAnswers {

    public static final String KEY = "PeriodicReview";
    /** The daily schedule: gradual exits that ran out end, due reviews start (a timer start event). */
    public static final String SCHEDULER_KEY = "ReviewScheduler";
    /** A campaign's reviews start in the background, a chunk per job. */
    public static final String CAMPAIGN_KEY = "ReviewCampaign";

    public static final String TASK_OPINION = "Task_ReviewOpinion";
    public static final String TASK_DECISION = "Task_ReviewDecision";
    public static final String CALL_INCOME_VERIFICATION = "Call_ReviewVerification";
    public static final String TASK_NOTICE = "Task_ReviewNotice";
    public static final String TIMER_DAILY = "Start_Daily";
    public static final String TASK_START_CHUNK = "Task_StartReviewChunk";

    // The fields of the forms (contract).
    public static final String VAR_OPINION = "reviewOpinion";
    public static final String VAR_DECISION = "reviewDecision";
    public static final String VAR_REASONS = "reviewReasons";
    /** A stop: why ({@code enrolment.EndReason}), and for an unreported change or fraud the month it happened. */
    public static final String VAR_STOP_REASON = "stopReason";
    public static final String VAR_CHANGE_MONTH = "changeMonth";

    /** Shown on the forms (what the household is, its last review, its payments, the township's opinion). */
    public static final String VAR_REVIEW_SUMMARY = "reviewSummary";
    public static final String VAR_OPINION_SHOWN = "townshipReviewOpinion";
    /** The trigger of the review, as a variable of the instance ({@code SCHEDULED}, {@code CHANGE} …). */
    public static final String VAR_TRIGGER = "trigger";

    /** The chunk loop of the scheduler and the campaigns. */
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    public static final String VAR_MORE = "more";

    @Override
    public String processKey() {
        return KEY;
    }

    @Override
    public Set<Programme> programmes() {
        return Set.of();
    }

    @Override
    public boolean carries(AssistanceCase c) {
        return c.isReview();
    }

    @Override
    public Map<String, List<String>> answersByTask() {
        return Map.of(TASK_OPINION, List.of(VAR_OPINION, VAR_REASONS),
                TASK_DECISION, List.of(VAR_DECISION, VAR_REASONS, VAR_STOP_REASON, VAR_CHANGE_MONTH));
    }
}
