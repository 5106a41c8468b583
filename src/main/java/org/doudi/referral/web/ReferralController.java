package org.doudi.referral.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.referral.Referral;
import org.doudi.referral.Referrals;
import org.doudi.security.Actors;
import org.doudi.shared.ExportColumn;
import org.doudi.shared.ExportSheet;
import org.doudi.shared.PersonalData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/referrals?region=<code>}: referrals to the poverty office and their answers. */
@RestController
@Tag(name = "转介 Referrals")
class ReferralController {

    private final Referrals referrals;
    private final CaseRepository cases;
    private final Actors actors;

    ReferralController(Referrals referrals, CaseRepository cases, Actors actors) {
        this.referrals = referrals;
        this.cases = cases;
        this.actors = actors;
    }

    /**
     * A referral as listed: a case's ({@code caseNumber}, {@code programme}), or a person's without a case
     * ({@code subjectNumber}: the field check that referred him; the resident ID masked).
     */
    @ExportSheet("转介扶贫部门")
    record ReferralView(
            @ExportColumn("案件编号") String caseNumber,
            @ExportColumn("核查编号") String subjectNumber,
            @ExportColumn("救助项目") String programme,
            @ExportColumn("姓名") String applicantName,
            @ExportColumn("身份证号（脱敏）") String idNumberMasked,
            @ExportColumn("乡镇代码") String townshipCode,
            @ExportColumn("转介原因类别") String trigger,
            @ExportColumn("转介原因") String reason,
            @ExportColumn("状态") String status,
            @ExportColumn("转介时间") Instant referredAt,
            @ExportColumn("转介人") String referredBy,
            @ExportColumn("办理结果") String outcome,
            @ExportColumn("帮扶措施") String measures,
            @ExportColumn("答复时间") Instant answeredAt,
            @ExportColumn("答复人") String answeredBy) {
    }

    @Operation(summary = "转介扶贫部门列表 / Referrals to the poverty office", description = """
            区域内转介扶贫部门的人员及其答复（身份证号脱敏）；由摸排核查转介的人员没有案件编号，而有核查编号（trigger 为 FIELD_CHECK）。\
            扶贫办、县乡工作人员和督办可看。

            The referrals to the county poverty office in the region and their answers (IDs masked); a person \
            referred from a field check has no `caseNumber` but the check's `subjectNumber` (`trigger` \
            `FIELD_CHECK`). For the poverty office, county and township staff, supervisors.""")
    @GetMapping("/api/referrals")
    List<ReferralView> list(@Parameter(description = "县（6 位）或乡镇（9 位）区划代码 / County or township code",
            example = "130102") @RequestParam("region") String region) {

        List<Referral> list = referrals.inRegion(region.trim(), actors.currentScope());
        Map<Long, AssistanceCase> byId = cases.findAllById(list.stream().map(Referral::caseId).filter(Objects::nonNull).toList()).stream()
                .collect(Collectors.toMap(AssistanceCase::id, Function.identity()));
        return list.stream().map(r -> {
            AssistanceCase c = r.caseId() == null ? null : byId.get(r.caseId());
            return new ReferralView(c == null ? null : c.caseNumber(), r.subjectNumber(),
                    c == null ? null : c.programme().name(), c == null ? r.personName() : c.applicantName(),
                    PersonalData.maskIdNumber(c == null ? r.idNumber() : c.applicantIdNumber()), r.townshipCode(),
                    r.trigger().name(), r.reason(), r.status().name(), r.referredAt(), r.referredBy(),
                    r.outcome() == null ? null : r.outcome().name().toLowerCase(), r.measures(), r.answeredAt(),
                    r.answeredBy());
        }).toList();
    }
}
