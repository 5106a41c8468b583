package org.doudi.review;

import static org.doudi.cases.process.AssistanceApplicationProcess.RETURN;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DECISION;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DECISION_OPINION;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_FINDINGS;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_TEXT;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_OBJECTION_UPHELD;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_TOWNSHIP_OPINION;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDecision;
import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.doudi.cases.process.AssistanceApplicationProcess;
import org.doudi.shared.PersonalData;
import org.springframework.stereotype.Component;

/**
 * On every task of a case, from its recorded decisions and objections: the open objections
 * ({@code {{objectionText}}}), the township's opinion for the deciding level ({@code {{townshipOpinion}}}),
 * and, when the case is back at the township review, why: the decision's return
 * ({@code countyDecision}, {@code {{countyOpinion}}}) or a handled objection, upheld or not
 * ({@code objectionUpheld}, {@code {{objectionFindings}}}).
 */
@Component
class ReviewTaskForm implements TaskFormContributor {

    private final Objections objections;

    ReviewTaskForm(Objections objections) {
        this.objections = objections;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        AssistanceCase c = task.caseFile();
        variables.put(VAR_OBJECTION_TEXT, c.status() == CaseStatus.OBJECTION_REVIEW ? objections.openText(c) : null);
        variables.put(VAR_TOWNSHIP_OPINION, task.latest(DecisionStage.TOWNSHIP_REVIEW).map(CaseDecision::opinion)
                .orElse(null));
        Optional<CaseDecision> why = c.status() == CaseStatus.TOWNSHIP_REVIEW
                ? task.latest(DecisionStage.TOWNSHIP_REVIEW, DecisionStage.DECISION, DecisionStage.OBJECTION)
                : Optional.empty();
        boolean returned = why.filter(d -> d.stage() == DecisionStage.DECISION && RETURN.equals(d.outcome()))
                .isPresent();
        // Back after an objection, upheld or not: the township gives its opinion again, knowing the findings.
        boolean handled = why.filter(d -> d.stage() == DecisionStage.OBJECTION).isPresent();
        variables.put(VAR_DECISION, returned ? RETURN : null);
        variables.put(VAR_DECISION_OPINION, returned ? why.get().opinion() : null);
        variables.put(VAR_OBJECTION_UPHELD, handled ? "upheld".equals(why.get().outcome()) : null);
        variables.put(AssistanceApplicationProcess.VAR_OBJECTIONS_SUMMARY, AssistanceApplicationProcess.TASK_DECISION.equals(task.taskKey())
                ? objectionsSummary(objections.of(c)) : null);
        variables.put(VAR_OBJECTION_FINDINGS, handled ? why.get().opinion() : null);
    }

    /** The public notice's objections as the county reads them before deciding (typed text, IDs masked). */
    static String objectionsSummary(List<Objection> list) {
        if (list.isEmpty()) {
            return "公示期间无异议。";
        }
        StringBuilder s = new StringBuilder();
        int n = 1;
        for (Objection o : list) {
            s.append(n++).append(". ").append(PersonalData.maskAll(o.text())).append("（")
                    .append(o.upheld() == null ? "尚未处理" : o.upheld() ? "异议成立" : "异议不成立").append("）");
            if (o.findings() != null) {
                s.append("；调查情况：").append(PersonalData.maskAll(o.findings()));
            }
            s.append("\n");
        }
        return s.toString().strip().replace("\n", "  \n");
    }
}
