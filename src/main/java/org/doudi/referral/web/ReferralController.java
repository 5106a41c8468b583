package org.doudi.referral.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.referral.Referral;
import org.doudi.referral.Referrals;
import org.doudi.security.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/referrals?region=<code>}: referrals to the poverty office and their answers. */
@RestController
class ReferralController {

    private final Referrals referrals;
    private final CaseRepository cases;
    private final Actors actors;

    ReferralController(Referrals referrals, CaseRepository cases, Actors actors) {
        this.referrals = referrals;
        this.cases = cases;
        this.actors = actors;
    }

    record ReferralView(String caseNumber, String programme, String applicantName, String townshipCode,
            String trigger, String reason, String status, Instant referredAt, String referredBy, String outcome,
            String measures, Instant answeredAt, String answeredBy) {
    }

    @GetMapping("/api/referrals")
    List<ReferralView> list(@RequestParam("region") String region) {
        List<Referral> list = referrals.inRegion(region.trim(), actors.currentScope());
        Map<Long, AssistanceCase> byId = cases.findAllById(list.stream().map(Referral::caseId).toList()).stream()
                .collect(Collectors.toMap(AssistanceCase::id, Function.identity()));
        return list.stream().map(r -> {
            AssistanceCase c = byId.get(r.caseId());
            return new ReferralView(c.caseNumber(), c.programme().name(), c.applicantName(), r.townshipCode(),
                    r.trigger().name(), r.reason(), r.status().name(), r.referredAt(), r.referredBy(),
                    r.outcome() == null ? null : r.outcome().name().toLowerCase(), r.measures(), r.answeredAt(),
                    r.answeredBy());
        }).toList();
    }
}
