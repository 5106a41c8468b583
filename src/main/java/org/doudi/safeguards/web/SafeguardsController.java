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

/**
 * 近亲属备案: the county's staff-relation roster ({@code PUT}/{@code GET /api/counties/{countyCode}/staff-relations},
 * county staff of that county and operators) and the cases registered separately
 * ({@code GET /api/cases/near-relatives?region=}). Resident IDs are masked in every answer.
 */
@RestController
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

    @PutMapping("/api/counties/{countyCode}/staff-relations")
    RosterView replace(@PathVariable String countyCode, @RequestBody List<NearRelatives.RosterLine> lines) {
        return view(countyCode, nearRelatives.replaceRoster(countyCode, lines, actors.currentUserId(),
                actors.currentScope()));
    }

    @GetMapping("/api/counties/{countyCode}/staff-relations")
    RosterView roster(@PathVariable String countyCode) {
        return view(countyCode, nearRelatives.roster(countyCode, actors.currentScope()));
    }

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
