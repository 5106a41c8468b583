package org.doudi.cases;

import java.util.Set;
import java.util.regex.Pattern;

import org.doudi.cases.process.CaseProcesses;
import org.springframework.stereotype.Component;

/**
 * The one instance of the process that carries a case (AssistanceApplication, TemporaryAssistance …,
 * every {@link CaseProcess}): bound as it starts, for a case just submitted in a programme it carries,
 * and never a second one. Whoever starts it, {@code CaseIntake} or an operator in Cockpit.
 */
@Component
class CaseInstanceBinding implements InstanceBinding {

    /** {@code DB-2026-130102100-000042}: a business key that may be repeated in a message. */
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z]{2,4}-\\d{4}-\\d{9}-\\d{6}");

    private final CaseRepository cases;
    private final CaseProcesses processes;

    CaseInstanceBinding(CaseRepository cases, CaseProcesses processes) {
        this.cases = cases;
        this.processes = processes;
    }

    @Override
    public Set<String> processKeys() {
        return processes.processKeys();
    }

    @Override
    public void bind(String processKey, String businessKey, String processInstanceId) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new StepRefusedException(null, "案件流程必须以案件编号为业务键启动，案件须先经受理登记（/api/applications）",
                    "a case process starts with the number of a registered case as its business key");
        }
        AssistanceCase c = cases.lockByCaseNumber(businessKey).orElseThrow(() -> unknown(businessKey));
        String n = c.caseNumber();
        if (!processes.carries(processKey, c)) {
            String what = c.isReview() ? "复核案件" : c.programme().label() + "申请";
            throw new StepRefusedException(n, "案件 " + n + " 是" + what + "，流程 " + processKey + " 不办理",
                    "case " + n + " is " + (c.isReview() ? "a review" : c.programme() + "") + ", which " + processKey
                            + " does not carry");
        }
        if (c.processInstanceId() != null) {
            throw new StepRefusedException(n, "案件 " + n + " 已有办理流程（实例 " + c.processInstanceId()
                    + "），不能再启动一个", "case " + n + " already has its process instance "
                            + c.processInstanceId());
        }
        if (c.status() != CaseStatus.SUBMITTED) {
            throw new StepRefusedException(n, "案件 " + n + " 当前为“" + c.status().label() + "”，不能启动流程",
                    "case " + n + " is " + c.status() + "; only a submitted case starts its process");
        }
        c.linkProcess(processInstanceId);
    }

    @Override
    public boolean isBound(String processKey, String businessKey, String processInstanceId) {
        // The whole case, not only its instance id: the step's routing, due dates and form take it from
        // the transaction afterwards instead of asking again (CaseLookup).
        return businessKey != null && cases.findByCaseNumber(businessKey)
                .map(c -> processInstanceId.equals(c.processInstanceId())).orElse(false);
    }

    /** Repeats the business key only when it has the shape of a case number: it might be a resident ID. */
    static StepRefusedException unknown(String businessKey) {
        if (CASE_NUMBER.matcher(businessKey).matches()) {
            return new StepRefusedException(null, "没有编号为 " + businessKey + " 的案件，不能启动流程",
                    "no case " + businessKey + "; a case process starts only for a registered case");
        }
        return new StepRefusedException(null, "业务键不是案件编号，不能启动流程",
                "the business key is not a case number; a case process starts only for a registered case");
    }
}
