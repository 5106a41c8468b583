package org.doudi.safeguards;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.household.HouseholdMember;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code Task_AcceptApplication} adds for the applicant's safeguards: the optional per-member
 * record of the signed 核对授权书 ({@code authorisedMembers}, the household member ids of a checklist;
 * {@code authorisationReference}, where the papers are kept), and the roster check of near relatives at
 * acceptance. Left out, {@code accepted: true} records every adult's authorisation: accepting says the
 * materials are complete (contract, "Stability of what exists").
 */
@Service
@Transactional
public class AcceptanceSafeguards {

    /** Optional form field: the members whose signed authorisation is at hand (a checklist of ids). */
    public static final String VAR_AUTHORISED_MEMBERS = "authorisedMembers";
    /** Optional form field: where the signed papers are kept (scan or archive number). */
    public static final String VAR_AUTHORISATION_REFERENCE = "authorisationReference";
    /** On the task: the adults still to record, as the checklist's values ({@code [{label, value}]}). */
    public static final String VAR_AUTHORISATION_CANDIDATES = "authorisationCandidates";
    /** On the task: who must sign and whose authorisation is recorded, as text. */
    public static final String VAR_AUTHORISATION_SUMMARY = "authorisationSummary";

    private final Authorisations authorisations;
    private final NearRelatives nearRelatives;
    private final CaseRepository cases;

    AcceptanceSafeguards(Authorisations authorisations, NearRelatives nearRelatives, CaseRepository cases) {
        this.authorisations = authorisations;
        this.nearRelatives = nearRelatives;
        this.cases = cases;
    }

    /**
     * What the completion says of the authorisations.
     *
     * @param members the household member ids ticked, or {@code null} when the field was left out
     */
    public record Submitted(Set<Long> members, String reference) {
    }

    /** Reads and checks the optional fields; a value that is no member of the case is refused. */
    @Transactional(readOnly = true)
    public Submitted read(String caseNumber, FormInput in) {
        List<String> given = in.optionalList(VAR_AUTHORISED_MEMBERS, 100);
        String reference = in.optionalText(VAR_AUTHORISATION_REFERENCE, Authorisations.MAX_REFERENCE);
        if (given == null) {
            return new Submitted(null, reference);
        }
        AssistanceCase c = cases.requireWithHousehold(caseNumber);
        Set<Long> members = new HashSet<>();
        c.household().members().forEach(m -> members.add(m.id()));
        Set<Long> chosen = new HashSet<>();
        for (String value : given) {
            Long id = parse(value);
            if (id == null || !members.contains(id)) {
                in.reject(VAR_AUTHORISED_MEMBERS, "不是本案的家庭成员：" + value);
            } else {
                chosen.add(id);
            }
        }
        return new Submitted(chosen, reference);
    }

    /**
     * Records the authorisations of an acceptance; when an adult's is missing, the one-time notice naming
     * him, and the case keeps waiting for acceptance. An emergency (急难型) is paid before any data
     * verification and needs none now.
     *
     * @param otherMaterials what else the caseworker listed as missing, for the same notice
     * @return the adults still missing (empty: the acceptance goes ahead)
     */
    public List<HouseholdMember> recordAuthorisations(String caseNumber, Submitted submitted, String otherMaterials,
            String actor) {
        AssistanceCase c = cases.require(caseNumber);
        if (c.isEmergency()) {
            return List.of();
        }
        List<HouseholdMember> missing = authorisations.recordAtAcceptance(caseNumber, submitted.members(),
                submitted.reference(), actor);
        if (!missing.isEmpty()) {
            authorisations.noticeMissing(caseNumber, missing, otherMaterials, actor);
        }
        return missing;
    }

    /** After 受理: the staff-relation roster again, in case it changed since intake. */
    public void accepted(String caseNumber, String actor) {
        nearRelatives.detectAtAcceptance(caseNumber, actor);
    }

    private static Long parse(String value) {
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
