package org.doudi.verification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.springframework.stereotype.Component;

/** On the case view: the ineligible verification results told and the applicant's objections to them. */
@Component
class VerificationObjectionDetails implements CaseDetailsContributor {

    private final VerificationObjections objections;

    VerificationObjectionDetails(VerificationObjections objections) {
        this.objections = objections;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        details.put("verificationResultNotices", objections.of(c).stream().map(n -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("toldAt", n.toldAt());
            v.put("periodEndsAt", n.periodEndsAt());
            v.put("objectionText", n.objectionText());
            v.put("objectionEvidence", n.objectionEvidence());
            v.put("objectedAt", n.objectedAt());
            v.put("objectedBy", n.objectedBy());
            return v;
        }).toList());
    }
}
