package org.doudi.safeguards;

import static org.doudi.cases.process.AssistanceApplicationProcess.TASK_ACCEPT;
import static org.doudi.safeguards.AcceptanceSafeguards.VAR_AUTHORISATION_CANDIDATES;
import static org.doudi.safeguards.AcceptanceSafeguards.VAR_AUTHORISATION_REFERENCE;
import static org.doudi.safeguards.AcceptanceSafeguards.VAR_AUTHORISATION_SUMMARY;
import static org.doudi.safeguards.AcceptanceSafeguards.VAR_AUTHORISED_MEMBERS;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.spin.plugin.variable.SpinValues;
import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.TaskAnswers;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.doudi.household.HouseholdMember;
import org.doudi.household.ResidentId;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * On {@code Task_AcceptApplication}: the adult members who must sign the 核对授权书 and have not yet, as
 * the values of the form's checklist (household member ids, names and masked IDs: never a full resident
 * ID in a variable), and a summary of who is recorded; the two fields that record it are answers of that
 * task. On every task of a case registered separately, nothing more: the home visit's group says it.
 */
@Component
class SafeguardsTaskForm implements TaskFormContributor, TaskAnswers {

    private final Authorisations authorisations;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    SafeguardsTaskForm(Authorisations authorisations, Clock clock) {
        this.authorisations = authorisations;
        this.clock = clock;
    }

    @Override
    public Map<String, List<String>> answersByTask() {
        return Map.of(TASK_ACCEPT, List.of(VAR_AUTHORISED_MEMBERS, VAR_AUTHORISATION_REFERENCE));
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        if (!TASK_ACCEPT.equals(task.taskKey())) {
            return;
        }
        AssistanceCase c = task.caseFile();
        if (c.isEmergency()) {
            variables.put(VAR_AUTHORISATION_CANDIDATES, null);
            variables.put(VAR_AUTHORISATION_SUMMARY, null);
            return;
        }
        LocalDate today = TimeConfig.today(clock);
        List<HouseholdMember> adults = Authorisations.adults(c, today);
        Set<Long> recorded = authorisations.of(c).stream().map(Authorisation::memberId).collect(Collectors.toSet());
        List<Map<String, String>> candidates = new ArrayList<>();
        for (HouseholdMember m : adults) {
            if (!recorded.contains(m.id())) {
                Map<String, String> option = new LinkedHashMap<>();
                option.put("label", m.name() + "（" + m.relation().label() + "，" + ResidentId.mask(m.idNumber()) + "，"
                        + m.ageOn(today) + " 岁）");
                option.put("value", String.valueOf(m.id()));
                candidates.add(option);
            }
        }
        try {
            variables.put(VAR_AUTHORISATION_CANDIDATES,
                    candidates.isEmpty() ? null : SpinValues.jsonValue(json.writeValueAsString(candidates)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        variables.put(VAR_AUTHORISATION_SUMMARY, summary(adults, recorded, today));
    }

    static String summary(List<HouseholdMember> adults, Set<Long> recorded, LocalDate today) {
        if (adults.isEmpty()) {
            return "家庭成员均未满 18 周岁，无需签署核对授权书。";
        }
        String need = adults.stream().map(m -> m.name() + "（" + m.relation().label() + "）")
                .collect(Collectors.joining("、"));
        String done = adults.stream().filter(m -> recorded.contains(m.id())).map(HouseholdMember::name)
                .collect(Collectors.joining("、"));
        return "须签署家庭经济状况核对授权书的成年家庭成员（满 18 周岁）：" + need + "。已登记：" + (done.isEmpty() ? "无" : done)
                + "。";
    }
}
