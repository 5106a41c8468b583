package org.doudi.safeguards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.doudi.household.ResidentId;
import org.springframework.stereotype.Component;

/**
 * On the case view: whether the case is registered separately (近亲属备案) and why, and whose 核对授权书 is
 * recorded. IDs masked.
 */
@Component
class SafeguardsDetails implements CaseDetailsContributor {

    private final NearRelatives nearRelatives;
    private final Authorisations authorisations;

    SafeguardsDetails(NearRelatives nearRelatives, Authorisations authorisations) {
        this.nearRelatives = nearRelatives;
        this.authorisations = authorisations;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        details.put("nearRelative", c.nearRelative());
        List<Map<String, Object>> marks = nearRelatives.marksOf(c).stream().map(m -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("memberName", m.memberName());
            v.put("idNumber", ResidentId.mask(m.memberIdNumber()));
            v.put("relation", m.relation().name());
            v.put("relationLabel", m.relation().label());
            v.put("staffName", m.staffName());
            v.put("staffPost", m.staffPost());
            v.put("source", m.source().name());
            v.put("markedAt", m.markedAt());
            return v;
        }).toList();
        details.put("nearRelativeMarks", marks);
        details.put("authorisations", authorisations.of(c).stream().map(a -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("memberName", a.memberName());
            v.put("recordedAt", a.recordedAt());
            v.put("recordedBy", a.recordedBy());
            v.put("reference", a.reference());
            return v;
        }).toList());
    }
}
