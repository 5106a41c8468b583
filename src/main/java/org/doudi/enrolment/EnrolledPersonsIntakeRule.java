package org.doudi.enrolment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.IntakeRefusedException;
import org.doudi.cases.IntakeRule;
import org.doudi.cases.Programme;
import org.doudi.household.HouseholdMember;
import org.doudi.security.Actors;
import org.doudi.shared.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At intake, a 低保 or 特困 application is refused (409) for a person who is covered by a not-ended enrolment
 * of the same programme: he is provided for already, until his enrolment ends. One query on the coverage key.
 * (The key itself refuses a second enrolment whatever intake let through, e.g. two approvals at once.)
 */
@Component
class EnrolledPersonsIntakeRule implements IntakeRule {

    private final JdbcTemplate jdbc;
    private final Actors actors;

    EnrolledPersonsIntakeRule(JdbcTemplate jdbc, Actors actors) {
        this.jdbc = jdbc;
        this.actors = actors;
    }

    @Override
    public void check(AssistanceCase draft) {
        if (draft.programme() == Programme.TEMPORARY) {
            return;
        }
        List<HouseholdMember> people = draft.household().members();
        Map<String, HouseholdMember> byId = new LinkedHashMap<>();
        people.forEach(m -> byId.putIfAbsent(m.idNumber(), m));
        List<Object> args = new ArrayList<>(byId.keySet());
        args.add(0, draft.programme().name());
        String in = String.join(", ", byId.keySet().stream().map(id -> "?").toList());
        List<Covered> covered = jdbc.query("select c.id_number, e.enrolment_number, e.village_code"
                + " from enrolment_coverage c join enrolment e on e.id = c.enrolment_id"
                + " where c.programme = ? and c.id_number in (" + in + ")",
                (rs, n) -> new Covered(rs.getString(1), rs.getString(2), rs.getString(3)), args.toArray());
        if (covered.isEmpty()) {
            return;
        }
        // The first person of the application who is covered, named by the field he was entered in.
        HouseholdMember member = people.stream()
                .filter(m -> covered.stream().anyMatch(c -> c.idNumber().equals(m.idNumber()))).findFirst()
                .orElseThrow();
        Covered by = covered.stream().filter(c -> c.idNumber().equals(member.idNumber())).findFirst().orElseThrow();
        int position = people.indexOf(member);
        String field = position <= 0 ? "applicant.idNumber" : "members[" + (position - 1) + "].idNumber";
        boolean visible = actors.currentScope().canSee(by.villageCode());
        throw new IntakeRefusedException(field, "家庭成员 " + member.name() + "（"
                + PersonalData.maskIdNumber(member.idNumber()) + "）已纳入" + draft.programme().label()
                + (visible ? "（保障编号 " + by.enrolmentNumber() + "）" : "") + "，保障终止前不能再次申请 (already enrolled in "
                + draft.programme() + (visible ? ": enrolment " + by.enrolmentNumber() : "") + ")");
    }

    private record Covered(String idNumber, String enrolmentNumber, String villageCode) {
    }
}
