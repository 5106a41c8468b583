package org.doudi.referral;

import java.util.LinkedHashMap;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.doudi.cases.CaseVisibility;
import org.doudi.region.StaffScope;
import org.springframework.stereotype.Component;

/** Adds the referrals to the case view, and shows a referred case to the poverty office. */
@Component
class ReferralDetails implements CaseDetailsContributor, CaseVisibility {

    private final Referrals referrals;

    ReferralDetails(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        var list = referrals.of(c).stream().map(ReferralDetails::view).toList();
        if (!list.isEmpty()) {
            details.put("referrals", list);
        }
    }

    @Override
    public boolean grants(StaffScope scope, AssistanceCase c) {
        return referrals.referredTo(scope, c);
    }

    static Map<String, Object> view(Referral r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trigger", r.trigger().name());
        m.put("reason", r.reason());
        m.put("status", r.status().name());
        m.put("referredBy", r.referredBy());
        m.put("referredAt", r.referredAt());
        m.put("outcome", r.outcome() == null ? null : r.outcome().name().toLowerCase());
        m.put("measures", r.measures());
        m.put("answeredBy", r.answeredBy());
        m.put("answeredAt", r.answeredAt());
        return m;
    }
}
