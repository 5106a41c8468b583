package org.doudi.safeguards.web;

import java.time.Instant;
import java.util.List;

import org.doudi.cases.AssistanceCase;
import org.doudi.household.ResidentId;
import org.doudi.safeguards.NearRelativeMark;
import org.doudi.safeguards.NearRelatives;
import org.doudi.safeguards.StaffRelationEntry;
import org.doudi.security.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 近亲属备案: the county's staff-relation roster ({@code PUT}/{@code GET /api/counties/{countyCode}/staff-relations},
 * county staff of that county and operators) and the cases registered separately
 * ({@code GET /api/cases/near-relatives?region=}). Resident IDs are masked in every answer.
 */
@RestController
@Tag(name = "近亲属备案 Near relatives")
class SafeguardsController {

    private final NearRelatives nearRelatives;
    private final Actors actors;

    SafeguardsController(NearRelatives nearRelatives, Actors actors) {
        this.nearRelatives = nearRelatives;
        this.actors = actors;
    }

    record RosterView(String countyCode, int entries, List<RosterLineView> lines) {
    }

    record RosterLineView(String staffName, String staffPost, String regionCode, String relativeName,
            String relativeIdNumber, String relation, String relationLabel, Instant uploadedAt, String uploadedBy) {
    }

    record MarkView(String memberName, String idNumber, String relation, String relationLabel, String staffName,
            String staffPost, String source, Instant markedAt, String markedBy) {
    }

    record NearRelativeCaseView(String caseNumber, String programme, String status, String statusLabel,
            String villageCode, String townshipCode, String countyCode, String applicantName, Instant submittedAt,
            List<MarkView> marks) {
    }

    @Operation(summary = "更新近亲属备案名册 / Replace the staff-relation roster", description = """
            该县工作人员整体替换本县经办人员及村干部近亲属备案名册；回答中身份证号脱敏。

            The county's staff replace its roster of staff and their near relatives (近亲属备案) as a whole; IDs are \
            masked in the answer.""")
    @PutMapping("/api/counties/{countyCode}/staff-relations")
    RosterView replace(@PathVariable String countyCode, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    [{"staffName": "王五", "staffPost": "乡镇民政助理员", "regionCode": "130102100",
                      "relativeName": "张三", "relativeIdNumber": "130102197003070012", "relation": "SIBLING"}]""")))
            @RequestBody List<NearRelatives.RosterLine> lines) {
        return view(countyCode, nearRelatives.replaceRoster(countyCode, lines, actors.currentUserId(),
                actors.currentScope()));
    }

    @Operation(summary = "近亲属备案名册 / The staff-relation roster", description = """
            本县的近亲属备案名册，身份证号脱敏；该县工作人员和系统管理员可看。

            The county's roster of staff and their near relatives, IDs masked; for the county's staff and operators.""")
    @GetMapping("/api/counties/{countyCode}/staff-relations")
    RosterView roster(@PathVariable String countyCode) {
        return view(countyCode, nearRelatives.roster(countyCode, actors.currentScope()));
    }

    @Operation(summary = "近亲属备案案件 / Cases of near relatives of staff", description = """
            区域内作为工作人员近亲属单独登记的案件。

            The cases in the region registered separately as near relatives of staff.""")
    @GetMapping("/api/cases/near-relatives")

    List<NearRelativeCaseView> cases(@RequestParam(required = false) String region) {
        return nearRelatives.casesIn(region, actors.currentScope()).stream().map(m -> {
            AssistanceCase c = m.assistanceCase();
            return new NearRelativeCaseView(c.caseNumber(), c.programme().name(), c.status().name(),
                    c.status().label(), c.villageCode(), c.townshipCode(), c.countyCode(), c.applicantName(),
                    c.submittedAt(), m.marks().stream().map(SafeguardsController::mark).toList());
        }).toList();
    }

    static MarkView mark(NearRelativeMark m) {
        return new MarkView(m.memberName(), ResidentId.mask(m.memberIdNumber()), m.relation().name(),
                m.relation().label(), m.staffName(), m.staffPost(), m.source().name(), m.markedAt(), m.markedBy());
    }

    private static RosterView view(String countyCode, List<StaffRelationEntry> entries) {
        return new RosterView(countyCode, entries.size(), entries.stream()
                .map(e -> new RosterLineView(e.staffName(), e.staffPost(), e.regionCode(), e.relativeName(),
                        ResidentId.mask(e.relativeIdNumber()), e.relation().name(), e.relation().label(),
                        e.uploadedAt(), e.uploadedBy()))
                .toList());
    }
}
