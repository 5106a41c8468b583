package org.doudi.temporary;

import java.util.LinkedHashMap;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.springframework.stereotype.Component;

/** Adds a temporary case's grant, cause and linked 低保 case to the case view. */
@Component
class TemporaryDetails implements CaseDetailsContributor {

    private final TemporaryGrants grants;

    TemporaryDetails(TemporaryGrants grants) {
        this.grants = grants;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        if (c.cause() != null) {
            details.put("cause", c.cause().name());
        }
        if (c.linkedCaseNumber() != null) {
            details.put("linkedCaseNumber", c.linkedCaseNumber());
        }
        grants.grantOf(c).ifPresent(g -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("amount", g.amount());
            m.put("source", g.source().name());
            m.put("grantedBy", g.grantedBy());
            m.put("grantedAt", g.grantedAt());
            details.put("grant", m);
        });
    }
}
