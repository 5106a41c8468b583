package org.doudi.cases;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_APPLICANT_NAME;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_CASE_NUMBER;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_CASE_SUMMARY;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_KIND;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_MEMBERS_SUMMARY;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_PROGRAMME;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_VILLAGE;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_VILLAGE_NAME;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.doudi.cases.process.AssistanceApplicationProcess;
import org.doudi.household.HouseholdMember;
import org.doudi.household.ResidentId;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The case itself on every task: its number, applicant and village for Tasklist, and the summary at the
 * top of every form ({@code {{caseSummary}}}), with masked resident IDs only.
 */
@Component
class CaseTaskForm implements TaskFormContributor {

    private final RegionService regions;

    CaseTaskForm(RegionService regions) {
        this.regions = regions;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        AssistanceCase c = task.caseFile();
        String villageName = regions.find(c.villageCode()).map(Region::name).orElse(null);
        variables.put(VAR_CASE_NUMBER, c.caseNumber());
        variables.put(VAR_APPLICANT_NAME, c.applicantName());
        variables.put(VAR_VILLAGE, c.villageCode());
        variables.put(VAR_VILLAGE_NAME, villageName);
        variables.put(VAR_PROGRAMME, c.programme().name());
        variables.put(VAR_KIND, c.kind());
        variables.put(VAR_CASE_SUMMARY, summary(c, villageName));
        // Only where a form shows it (each variable of a task is a row to write).
        variables.put(VAR_MEMBERS_SUMMARY, MEMBERS_SHOWN.contains(task.taskKey()) ? members(c) : null);
    }

    /**
     * The tasks whose forms list the members: the home visit verifies them (its contract is the verification module's,
     * which this module does not use: its id is spelled here), the county decides on them.
     */
    static final Set<String> MEMBERS_SHOWN = Set.of("Task_HomeVisit", AssistanceApplicationProcess.TASK_DECISION);

    /** The household's members to verify and decide on ({@code {{membersSummary}}}), IDs masked, as a table. */
    static String members(AssistanceCase c) {
        StringBuilder s = new StringBuilder("| 姓名 | 身份证号 | 关系 | 残疾 | 重病 | 在校 |\n|---|---|---|---|---|---|\n");
        for (HouseholdMember m : c.household().members()) {
            s.append("| ").append(cell(m.name())).append(" | ").append(ResidentId.mask(m.idNumber())).append(" | ")
                    .append(m.relation().label()).append(" | ")
                    .append(m.disabilityGrade() == null ? "—" : (m.disabilityCategory() == null ? ""
                            : m.disabilityCategory().label()) + m.disabilityGrade() + " 级")
                    .append(" | ").append(m.seriousIllness() ? "是" : "否").append(" | ")
                    .append(m.inSchool() ? "是" : "否").append(" |\n");
        }
        return s.toString();
    }

    /** A value in a Markdown table cell: no pipe or line break of its own. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "｜").replace("\n", " ");
    }

    private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dXx]");

    /** Free text as staff typed it, with anything shaped like a resident ID masked. */
    static String masked(String text) {
        return text == null ? null
                : ID_LIKE.matcher(text).replaceAll(m -> ResidentId.mask(m.group().toUpperCase()));
    }

    /** The case as the forms show it at the top of every task. */
    static String summary(AssistanceCase c, String villageName) {
        StringBuilder s = new StringBuilder();
        s.append("案件编号：").append(c.caseNumber()).append("\n");
        s.append("救助项目：").append(c.programme().label());
        if (c.isEmergency()) {
            s.append("（急难型）");
        } else if (c.kind() != null) {
            s.append("（支出型）");
        }
        if (c.cause() != null) {
            s.append("，原因：").append(c.cause().label());
        }
        if (c.approvalDelegated()) {
            s.append("（审批权限已下放乡镇）");
        }
        s.append("\n申请人：").append(c.applicantName())
                .append("（").append(ResidentId.mask(c.applicantIdNumber())).append("）");
        s.append("\n家庭人口：").append(c.household().size()).append(" 人");
        s.append("\n所在村（居）：").append(villageName == null ? "" : villageName + "（")
                .append(c.villageCode()).append(villageName == null ? "" : "）");
        s.append("\n申请理由：").append(masked(c.reason()));
        if (c.requestedAmount() != null) {
            s.append("\n申请金额：").append(Money.format(c.requestedAmount()));
        }
        if (c.nearRelative()) {
            s.append("\n近亲属备案：是（单独登记，由县级民政部门入户调查）");
        }
        s.append("\n当前状态：").append(c.status().label());
        // The whole case one click away: its file (案卷) in a new tab, next to the task.
        s.append("\n\n[查看案卷（材料、意见、时间线、文书） ↗](/cases/").append(c.caseNumber()).append(")");
        // Two spaces before a line break: a hard line break in the forms' Markdown text.
        return s.toString().replace("\n", "  \n");
    }
}
