package org.doudi.periodicreview.web;

import static org.doudi.shared.JsonBody.requireObject;
import static org.doudi.shared.JsonBody.text;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.doudi.cases.Programme;
import org.doudi.enrolment.EnrolmentStatus;
import org.doudi.periodicreview.ChangeKind;
import org.doudi.periodicreview.ChangeReports;
import org.doudi.periodicreview.ReviewCampaigns;
import org.doudi.security.Actors;
import org.doudi.shared.FieldViolation;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/enrolments/{n}/changes {kind, text}} → 202 {@code {caseNumber}} of the review it starts;
 * {@code POST /api/review-campaigns {region, programme?, status?, reviewedBefore?, note}} → 201
 * {@code {campaignId, selected}}, the reviews starting in the background; {@code GET /api/review-campaigns/{id}} its
 * progress.
 */
@RestController
class ReviewController {

    private static final Set<String> CHANGE_FIELDS = Set.of("kind", "text");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("region", "programme", "status", "householdType",
            "reviewedBefore", "note");

    private final ChangeReports changes;
    private final ReviewCampaigns campaigns;
    private final Actors actors;

    ReviewController(ChangeReports changes, ReviewCampaigns campaigns, Actors actors) {
        this.changes = changes;
        this.campaigns = campaigns;
        this.actors = actors;
    }

    record Started(String caseNumber) {
    }

    @Tag(name = "保障对象 Enrolments")
    @Operation(summary = "报告变化 / Report a change", description = """
            村、乡镇或县级工作人员报告保障对象的变化（kind：INCOME_CHANGE 收入变化、MEMBER_CHANGE 人口变化、DEATH 死亡、\
            MOVED_AWAY 迁出、OTHER 其他；text 说明），随即开始一次复核，回答其案件编号（FH-…）。

            Village, township or county staff report a change of an enrolled household (`kind`, `text`); a review \
            (复核) starts, and the answer carries its case number (`FH-…`).""")
    @ApiResponse(responseCode = "202", description = "复核已开始 / The review has started")
    @ApiResponse(responseCode = "404", description = "不存在或不在本人辖区 / No such enrolment, or outside your regions")
    @ApiResponse(responseCode = "409", description = "已在复核中或保障已终止 / A review is running, or the enrolment has"
            + " ended")
    @PostMapping("/api/enrolments/{enrolmentNumber}/changes")
    ResponseEntity<Started> reportChange(@PathVariable String enrolmentNumber,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object"), examples = @ExampleObject(value = """
                            {"kind": "INCOME_CHANGE", "text": "户主外出务工，月收入增加"}""")))
            @RequestBody(required = false) JsonNode body) {
        requireObject(body, CHANGE_FIELDS, "变化报告");
        List<FieldViolation> violations = new ArrayList<>();
        String kindText = text(body, "kind");
        ChangeKind kind = ChangeKind.parse(kindText).orElse(null);
        if (kind == null) {
            violations.add(new FieldViolation("kind", "「变化类型」须为 " + Arrays.stream(ChangeKind.values())
                    .map(k -> k.name() + "（" + k.label() + "）").collect(Collectors.joining("、")) + " 之一 / unknown kind"));
        }
        String text = text(body, "text");
        if (text == null || text.isBlank()) {
            violations.add(new FieldViolation("text", "「变化情况」必须填写 / is required"));
        } else if (text.length() > 1000) {
            violations.add(new FieldViolation("text", "「变化情况」不能超过 1000 个字 / at most 1000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String caseNumber = changes.report(enrolmentNumber, kind, Texts.multiLine(text), actors.currentScope(),
                actors.currentUserId());
        return ResponseEntity.accepted().location(URI.create("/api/cases/" + caseNumber)).body(new Started(caseNumber));
    }

    @Tag(name = "复核 Reviews")
    @Operation(summary = "开始回头看 / Start a review campaign", description = """
            县级审核人员对一个县或乡镇开展回头看：按项目（DIBAO/TEKUN）、保障状态（ACTIVE、PHASING_OUT、SUSPENDED）、\
            家庭类型（HOUSEHOLD、SINGLE_PERSON、PERSON、STABLE、CHANGING）和上次复核日期选出保障对象，复核在后台逐一开始。

            County reviewers start a 回头看 campaign over a county or township: the enrolments selected by \
            `programme`, `status`, `householdType` and `reviewedBefore` are reviewed, started in the background; \
            `note` is required.""")
    @ApiResponse(responseCode = "201", description = "已开始 / Started")
    @PostMapping("/api/review-campaigns")
    ResponseEntity<ReviewCampaigns.Created> startCampaign(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object"),
                    examples = @ExampleObject(value = """
                            {"region": "130102", "programme": "DIBAO", "status": "ACTIVE",
                             "reviewedBefore": "2026-01-01", "note": "2026 年第一季度回头看"}""")))
            @RequestBody(required = false) JsonNode body) {
        requireObject(body, CAMPAIGN_FIELDS, "回头看");
        List<FieldViolation> violations = new ArrayList<>();
        String region = text(body, "region");
        if (region == null || !region.matches("\\d{6}|\\d{9}")) {
            violations.add(new FieldViolation("region", "「区域」须为 6 位县级或 9 位乡镇代码 / a county or township code"));
        }
        String programmeText = text(body, "programme");
        Programme programme = null;
        if (programmeText != null) {
            programme = Programme.parse(programmeText).filter(p -> p != Programme.TEMPORARY).orElse(null);
            if (programme == null) {
                violations.add(new FieldViolation("programme", "「救助项目」须为 DIBAO 或 TEKUN / must be DIBAO or TEKUN"));
            }
        }
        String statusText = text(body, "status");
        EnrolmentStatus status = null;
        if (statusText != null) {
            try {
                status = EnrolmentStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                status = null;
            }
            if (status == null || status == EnrolmentStatus.ENDED || status == EnrolmentStatus.UNDER_REVIEW) {
                violations.add(new FieldViolation("status", "「保障状态」须为 ACTIVE（正常保障）、PHASING_OUT（渐退期）或 "
                        + "SUSPENDED（暂停发放） / must be ACTIVE, PHASING_OUT or SUSPENDED"));
            }
        }
        String typeText = text(body, "householdType");
        ReviewCampaigns.HouseholdType householdType = null;
        if (typeText != null) {
            householdType = Arrays.stream(ReviewCampaigns.HouseholdType.values())
                    .filter(t -> t.name().equalsIgnoreCase(typeText)).findFirst().orElse(null);
            if (householdType == null) {
                violations.add(new FieldViolation("householdType", "「家庭类型」须为 " + Arrays.stream(
                        ReviewCampaigns.HouseholdType.values()).map(t -> t.name() + "（" + t.label() + "）")
                        .collect(Collectors.joining("、")) + " 之一 / unknown household type"));
            }
        }
        String before = text(body, "reviewedBefore");
        LocalDate reviewedBefore = null;
        if (before != null) {
            try {
                reviewedBefore = LocalDate.parse(before);
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("reviewedBefore", "「上次复核早于」须为日期，如 2026-01-01 / a date"));
            }
        }
        String note = text(body, "note");
        if (note == null || note.isBlank()) {
            violations.add(new FieldViolation("note", "「说明」必须填写 / is required"));
        } else if (note.length() > 500) {
            violations.add(new FieldViolation("note", "「说明」不能超过 500 个字 / at most 500 characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ReviewCampaigns.Created created = campaigns.create(new ReviewCampaigns.Request(region, programme, status,
                householdType, reviewedBefore, Texts.singleLine(note)), actors.currentScope(), actors.currentUserId());
        return ResponseEntity.created(URI.create("/api/review-campaigns/" + created.campaignId())).body(created);
    }

    /** The campaigns of a region (a county or a township in it), newest first, with their progress. */
    @Tag(name = "复核 Reviews")
    @Operation(summary = "回头看列表 / Review campaigns of a region", description = """
            一个县或乡镇的回头看及其进度，新的在前（至多 50 个）。

            The campaigns of a county or township (one in it), newest first (at most 50), with their progress.""")
    @GetMapping("/api/review-campaigns")
    List<ReviewCampaigns.Progress> campaigns(@Parameter(description = "县（6 位）或乡镇（9 位）区划代码 / County or"
            + " township code") @RequestParam(required = false) String region) {
        if (region == null || !region.matches("\\d{6}|\\d{9}")) {
            throw InvalidInputException.of("region", "「区域」须为 6 位县级或 9 位乡镇代码 / a county or township code");
        }
        return campaigns.ofRegion(region, actors.currentScope(), 50);
    }

    @Tag(name = "复核 Reviews")
    @Operation(summary = "回头看进度 / Progress of a review campaign", description = """
            选出、已开始、跳过、已完成的数量，各结果（continue、adjust、phase-out、suspend、stop）的数量和超期数。

            How many were selected, started, skipped and done, the outcomes (`continue`, `adjust`, `phase-out`, \
            `suspend`, `stop`) and how many are overdue.""")
    @GetMapping("/api/review-campaigns/{campaignId}")
    ReviewCampaigns.Progress campaign(@Parameter(description = "回头看编号 / Campaign id") @PathVariable String campaignId) {

        if (!campaignId.matches("\\d{1,18}")) {
            throw new NotFoundException("没有编号为 " + campaignId + " 的回头看 / no campaign " + campaignId);
        }
        return campaigns.progress(Long.parseLong(campaignId), actors.currentScope());
    }
}
