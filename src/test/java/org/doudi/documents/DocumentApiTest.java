package org.doudi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.doudi.test.CaseDriver.homeVisit;
import static org.doudi.test.Demo.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.ApprovedBenefitRepository;
import org.doudi.test.CaseDriver;
import org.doudi.test.IntegrationTest;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestTownships;
import org.doudi.test.TestTownships.Township;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/cases/{n}/documents/{kind}} over real HTTP: cases driven through the API and the engine
 * to each stage, each notice fetched and read back (PDFBox) for names, amounts to the fen, reasons, dates,
 * and for masked IDs only; too early, another region, unknown kinds refused.
 */
@IntegrationTest
class DocumentApiTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired
    TestRestTemplate http;
    @Autowired
    CaseDriver driver;
    @Autowired
    CaseRepository cases;
    @Autowired
    ApprovedBenefitRepository enrolments;
    @Autowired
    TestTownships townships;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A 低保 household of three, applied for over HTTP; returns the case number. */
    private record Household(String caseNumber, String applicantId, String spouseId, String childId) {
    }

    private Household apply() throws Exception {
        String applicant = ResidentIds.ofAge(45);
        String spouse = ResidentIds.ofAge(43);
        String child = ResidentIds.ofAge(12);
        Map<String, Object> body = Map.of("programme", "DIBAO", "villageCode", VILLAGE_A1,
                "applicant", Map.of("name", "王小明", "idNumber", applicant, "phone", "13800000000"),
                "members", List.of(Map.of("name", "李红", "idNumber", spouse, "relation", "spouse"),
                        Map.of("name", "王小亮", "idNumber", child, "relation", "child")),
                "reason", "因病致贫");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.withBasicAuth(CASEWORKER1, PASSWORD).exchange("/api/applications",
                HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Household(json.readTree(created.getBody()).path("caseNumber").asText(), applicant, spouse, child);
    }

    private ResponseEntity<byte[]> document(String user, String caseNumber, String kind) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        return http.withBasicAuth(user, PASSWORD).exchange("/api/cases/" + caseNumber + "/documents/" + kind,
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** The PDF's text without white space; asserts it is a PDF and holds no full ID of the household. */
    private String pdfText(String user, String caseNumber, String kind, String... fullIds) {
        ResponseEntity<byte[]> r = document(user, caseNumber, kind);
        assertThat(r.getStatusCode()).as("%s of %s", kind, caseNumber).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(r.getHeaders().getContentDisposition().getFilename()).startsWith(caseNumber).endsWith(".pdf");
        assertThat(new String(r.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = PdfText.compact(r.getBody());
        assertThat(text).contains(caseNumber, "核验信息：案件编号" + caseNumber, "生成时间");
        assertThat(text).doesNotContain(fullIds).doesNotContainPattern("\\d{17}[\\dX]");
        return text;
    }

    private JsonNode problem(ResponseEntity<byte[]> r) throws Exception {
        assertThat(r.getHeaders().getContentType().toString()).contains("json");
        return json.readTree(r.getBody());
    }

    private static String masked(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    private static String day(Instant at) {
        return DAY.format(at.atZone(BEIJING));
    }

    @Test
    void aDibaoCaseHasEachNoticeOnceItReachesItsStage() throws Exception {
        Household h = apply();
        String n = h.caseNumber();
        String[] ids = {h.applicantId(), h.spouseId(), h.childId()};

        ResponseEntity<byte[]> early = document(CASEWORKER1, n, "acceptance-notice");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode p = problem(early);
        assertThat(p.path("detail").asText()).contains("尚未受理");
        assertThat(p.path("title").asText()).isEqualTo("暂无此文书");
        assertThat(p.path("kind").asText()).isEqualTo("acceptance-notice");
        for (String kind : List.of("missing-materials-notice", "public-notice", "decision", "rejection-notice",
                "temporary-approval")) {
            assertThat(document(CASEWORKER1, n, kind).getStatusCode()).as(kind).isEqualTo(HttpStatus.NOT_FOUND);
        }

        driver.accept(n);
        AssistanceCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(pdfText(CASEWORKER1, n, "acceptance-notice", ids)).contains("最低生活保障申请受理通知书", "王小明",
                masked(h.applicantId()), "甲县", "甲县一镇", "一镇东村", "本机关已于" + day(c.acceptedAt()) + "予以受理",
                "你于" + day(c.submittedAt()) + "提出", "甲县一镇人民政府（盖章）");
        assertThat(document(CASEWORKER1, n, "missing-materials-notice").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        driver.runDataVerification(n);
        driver.homeVisit(CASEWORKER1, n, homeVisit(1100, 100)); // 1 000 for 3 people under 600: 800.00 a month
        assertThat(document(CASEWORKER1, n, "public-notice").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        driver.townshipReview(CASEWORKER1, n, "approve", "经入户调查情况属实，同意上报");
        c = cases.findByCaseNumber(n).orElseThrow();
        Instant posted = c.noticeEndsAt().minusSeconds(8 * 86_400);
        String notice = pdfText(CLERK1, n, "public-notice", ids);
        assertThat(notice).contains("最低生活保障公示名单", "王*明", masked(h.applicantId()), "3人", "800.00元",
                day(posted.plusSeconds(86_400)) + "至" + day(c.noticeEndsAt().minusSeconds(86_400)) + "（共7天）",
                "经入户调查情况属实，同意上报", "甲县一镇人民政府（盖章）");
        assertThat(notice).doesNotContain("王小明", "李红", "王小亮");
        assertThat(document(CASEWORKER1, n, "decision").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "approve", "符合最低生活保障条件，同意纳入");
        c = cases.findByCaseNumber(n).orElseThrow();
        var enrolment = enrolments.findByCaseId(c.id()).orElseThrow();
        String start = enrolment.benefitStartMonth(); // yyyy-MM
        String decision = pdfText(REVIEWER1, n, "decision", ids);
        assertThat(decision).contains("最低生活保障审核确认决定书", "王小明", masked(h.applicantId()), "李红",
                masked(h.spouseId()), "王小亮", masked(h.childId()), "月保障金额800.00元", "保障人数3人",
                "起始发放月份" + Integer.parseInt(start.substring(0, 4)) + "年" + Integer.parseInt(start.substring(5)) + "月",
                "决定日期" + day(c.closedAt()), "符合最低生活保障条件，同意纳入", "家庭人均月收入333.33元",
                "600.00元/人·月", "甲县民政局（盖章）");
        assertThat(document(REVIEWER1, n, "rejection-notice").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(document(REVIEWER1, n, "temporary-approval").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // a county supervisor sees it too
        assertThat(document(SUPERVISOR1, n, "decision").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anApplicationWithMaterialsMissingGetsTheOneTimeNoticeListingThemAll() throws Exception {
        Household h = apply();
        String n = h.caseNumber();
        driver.complete(CASEWORKER1, n, "Task_AcceptApplication", Map.of("accepted", false, "missingMaterials",
                "户口簿复印件\n配偶李红签字的核对授权书；近六个月医疗费用票据"));

        String text = pdfText(CASEWORKER1, n, "missing-materials-notice", h.applicantId(), h.spouseId(), h.childId());
        assertThat(text).contains("一次性告知书", "王小明", masked(h.applicantId()), "1.户口簿复印件",
                "2.配偶李红签字的核对授权书", "3.近六个月医疗费用票据", "甲县一镇人民政府（盖章）");
        assertThat(document(CASEWORKER1, n, "acceptance-notice").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRefusalByTheCountyGivesItsReasonsAndTheRemedies() throws Exception {
        Household h = apply();
        String n = h.caseNumber();
        driver.investigate(n, homeVisit(1100, 100));
        driver.townshipReview(CASEWORKER1, n, "approve", "同意上报");
        driver.letNoticeRunOut(n);
        driver.decide(REVIEWER1, n, "reject", "经核查，家庭拥有机动车辆一台，不符合财产条件");

        AssistanceCase c = cases.findByCaseNumber(n).orElseThrow();
        String text = pdfText(CASEWORKER1, n, "rejection-notice", h.applicantId(), h.spouseId(), h.childId());
        assertThat(text).contains("最低生活保障不予确认告知书", "王小明", masked(h.applicantId()),
                "甲县民政局于" + day(c.closedAt()) + "决定不予确认", "经核查，家庭拥有机动车辆一台，不符合财产条件",
                "六十日内", "《中华人民共和国行政复议法》向甲县人民政府申请行政复议", "六个月内", "《中华人民共和国行政诉讼法》",
                "送达机关甲县一镇人民政府");
        assertThat(document(CASEWORKER1, n, "decision").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anEmergencyGrantHasItsApprovalSheet() throws Exception {
        Township t = townships.withFund("20000.00");
        AssistanceCase c = driver.submit(t.caseworker(), CaseDriver.temporary(t.village(), "EMERGENCY", "FIRE",
                "2600.00"));
        String n = c.caseNumber();
        assertThat(document(t.caseworker(), n, "temporary-approval").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        driver.accept(t.caseworker(), n);
        driver.complete(t.caseworker(), n, "Task_EmergencyGrant", Map.of("grantAmount", 2500.5));

        String text = pdfText(t.caseworker(), n, "temporary-approval", c.applicantIdNumber());
        assertThat(text).contains("临时救助审批表", "受灾户主", masked(c.applicantIdNumber()), "临时救助（急难型）",
                "救助方式先行救助，事后补办手续", "救助事由火灾", "申请救助金额2,600.00元", "批准金额2,500.50元", "发放金额2,500.50元",
                "乡镇（街道）临时救助备用金（先行救助）", "审批人", t.caseworker(), "测试镇" + t.code() + "人民政府（盖章）",
                "补办手续待补办");
        assertThat(document(t.caseworker(), n, "public-notice").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(document(t.caseworker(), n, "decision").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anExpenditureCaseApprovedByTheCountyHasItsApprovalSheetAndARefusedOneItsNotice() throws Exception {
        AssistanceCase c = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1, "EXPENDITURE", "MEDICAL_EXPENSE",
                "3000.00"));
        String n = c.caseNumber();
        driver.investigate(n, homeVisit(1200, 0));
        driver.townshipReview(CASEWORKER1, n, "approve", "住院自付费用较高");
        assertThat(document(REVIEWER1, n, "temporary-approval").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        driver.complete(REVIEWER1, n, "Task_CountyDecision", Map.of("countyDecision", "approve", "countyOpinion",
                "同意按医疗支出救助", "approvedAmount", 2480.35));

        String text = pdfText(REVIEWER1, n, "temporary-approval", c.applicantIdNumber());
        assertThat(text).contains("临时救助审批表", "临时救助（支出型）", "救助事由医疗支出", "申请救助金额3,000.00元",
                "批准金额2,480.35元", "发放金额2,480.35元", "县级临时救助资金", "同意按医疗支出救助",
                "审批人甲县审核员（reviewer1）", "审批机关甲县民政局", "甲县民政局（盖章）");

        AssistanceCase refused = driver.submit(CASEWORKER1, CaseDriver.temporary(VILLAGE_A1_WEST, "EXPENDITURE",
                "EDUCATION_EXPENSE", "2000.00"));
        String r = refused.caseNumber();
        driver.investigate(r, homeVisit(1000, 0));
        driver.townshipReview(CASEWORKER1, r, "approve", null);
        driver.complete(REVIEWER1, r, "Task_CountyDecision", Map.of("countyDecision", "reject", "countyOpinion",
                "已享受教育救助，不重复救助"));
        assertThat(pdfText(CASEWORKER1, r, "rejection-notice", refused.applicantIdNumber())).contains(
                "临时救助不予批准告知书", "一镇西村", "决定不予批准", "已享受教育救助，不重复救助", "六十日内", "六个月内");
        assertThat(pdfText(CASEWORKER1, r, "temporary-approval", refused.applicantIdNumber())).contains("审批结果不同意",
                "发放金额未发放");
    }

    @Test
    void staffOfAnotherRegionGetTheSame404AsForTheCase() throws Exception {
        Household h = apply();
        String n = h.caseNumber();
        driver.accept(n);
        assertThat(document(CASEWORKER1, n, "acceptance-notice").getStatusCode()).isEqualTo(HttpStatus.OK);

        for (String outsider : List.of(CASEWORKER9, REVIEWER9, CASEWORKER2, POVERTY1)) {
            ResponseEntity<String> caseAnswer = http.withBasicAuth(outsider, PASSWORD).getForEntity("/api/cases/" + n,
                    String.class);
            assertThat(caseAnswer.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            JsonNode expected = json.readTree(caseAnswer.getBody());
            for (String kind : List.of("acceptance-notice", "decision")) {
                ResponseEntity<byte[]> r = document(outsider, n, kind);
                assertThat(r.getStatusCode()).as(outsider + " " + kind).isEqualTo(HttpStatus.NOT_FOUND);
                JsonNode answer = problem(r);
                for (String field : List.of("type", "title", "detail", "status")) {
                    assertThat(answer.path(field)).as(outsider + " " + kind + " " + field).isEqualTo(expected.path(field));
                }
            }
        }
        // and an unknown case is the same answer as an unseen one
        assertThat(document(CASEWORKER1, "DB-2026-130102100-999999", "acceptance-notice").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void readingANoticeIsRecordedInTheAuditTrailAsADocumentRead() throws Exception {
        Household h = apply();
        String n = h.caseNumber();
        driver.accept(n);
        assertThat(document(CASEWORKER1, n, "acceptance-notice").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document(CASEWORKER9, n, "acceptance-notice").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ResponseEntity<String> r = http.withBasicAuth("admin", PASSWORD)
                    .getForEntity("/api/audit?size=200&caseNumber=" + n, String.class);
            List<String> reads = new ArrayList<>();
            json.readTree(r.getBody()).path("items").forEach(e -> {
                if (e.path("action").asText().equals("case.document")) {
                    reads.add(e.path("actor").asText() + " " + e.path("outcome").asText() + " "
                            + e.path("target").asText());
                }
            });
            assertThat(reads).containsExactlyInAnyOrder(
                    CASEWORKER1 + " SUCCESS /api/cases/" + n + "/documents/acceptance-notice",
                    CASEWORKER9 + " REFUSED /api/cases/" + n + "/documents/acceptance-notice");
            assertThat(r.getBody()).doesNotContain(h.applicantId(), "王小明");
        });
    }

    @Test
    void anUnknownKindIs400NamingTheField() throws Exception {
        Household h = apply();
        for (String kind : List.of("acceptance", "DECISION", "notice.pdf", "受理通知书")) {
            ResponseEntity<byte[]> r = document(CASEWORKER1, h.caseNumber(), kind);
            assertThat(r.getStatusCode()).as(kind).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode p = problem(r);
            assertThat(p.path("errors").get(0).path("field").asText()).isEqualTo("kind");
            assertThat(p.path("errors").get(0).path("message").asText()).contains("未知的文书类型", "acceptance-notice");
        }
    }
}
