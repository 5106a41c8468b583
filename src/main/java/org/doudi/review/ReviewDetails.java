package org.doudi.review;

import java.util.LinkedHashMap;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.springframework.stereotype.Component;

/** Adds objections, democratic appraisals (always, possibly empty) and spot checks to the case view. */
@Component
class ReviewDetails implements CaseDetailsContributor {

    private final Objections objections;
    private final SpotChecks spotChecks;
    private final Appraisals appraisals;

    ReviewDetails(Objections objections, SpotChecks spotChecks, Appraisals appraisals) {
        this.objections = objections;
        this.spotChecks = spotChecks;
        this.appraisals = appraisals;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        var list = objections.of(c).stream().map(o -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", o.text());
            m.put("receivedAt", o.receivedAt());
            m.put("receivedBy", o.receivedBy());
            m.put("upheld", o.upheld());
            m.put("findings", o.findings());
            m.put("resolvedAt", o.resolvedAt());
            return m;
        }).toList();
        if (!list.isEmpty()) {
            details.put("objections", list);
        }
        details.put("appraisals", appraisals.of(c).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("heldOn", a.heldOn().toString());
            m.put("participants", a.participants());
            m.put("participantCount", a.participantCount());
            m.put("result", a.result());
            m.put("notes", a.notes());
            m.put("recordedWith", a.recordedWith());
            m.put("recordedBy", a.recordedBy());
            m.put("recordedAt", a.recordedAt());
            return m;
        }).toList());
        var checks = spotChecks.of(c).stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scope", s.scope());
            m.put("result", s.result());
            m.put("notes", s.notes());
            m.put("checkedBy", s.checkedBy());
            m.put("checkedAt", s.checkedAt());
            return m;
        }).toList();
        if (!checks.isEmpty()) {
            details.put("spotChecks", checks);
        }
    }
}
