package org.doudi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doudi.documents.SampleFiles.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.doudi.cases.CaseStatus;
import org.doudi.cases.DecisionStage;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What each notice says, from a case file written by hand, read back from the PDF as text (PDFBox):
 * names, amounts to the fen, reasons, dates in Beijing time, masked IDs only. The PDFs are also left in
 * {@code target/documents/} to look at.
 */
class NoticeContentTest {

    private static final NoticePdf PDF = new NoticePdf();

    private static String text(NoticeTemplate template, CaseFile f) {
        assertThat(template.whyNotAvailable(f)).as("available").isEmpty();
        byte[] pdf = PDF.render(template.write(f), GENERATED);
        try {
            Path dir = Path.of("target/documents");
            Files.createDirectories(dir);
            Files.write(dir.resolve(template.kind().slug() + "-" + f.programme().name().toLowerCase() + ".pdf"), pdf);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String text = PdfText.compact(pdf);
        // Every notice: the case number, where, the footer, and never a full ID number.
        assertThat(text).contains("DB-2026-130102100-000042", "甲县", "甲县一镇", "一镇东村",
                "核验信息：案件编号DB-2026-130102100-000042", "生成时间2026-04-0109:00（北京时间）");
        assertThat(text).doesNotContain(APPLICANT_ID, SPOUSE_ID).doesNotContainPattern("\\d{17}[\\dX]");
        return text;
    }

    @Nested
    class Acceptance {

        final AcceptanceNotice template = new AcceptanceNotice();

        @Test
        void namesTheApplicantTheDatesInBeijingAndTheTownshipGovernment() {
            String text = text(template, dibao().accepted().build());
            assertThat(text).contains("最低生活保障申请受理通知书", "张小三", APPLICANT_ID_MASKED,
                    "你于2026年3月3日提出", // 17:30 UTC on 2 March is 3 March in Beijing
                    "本机关已于2026年3月4日予以受理", "受理人王经办（caseworker1）", "甲县一镇人民政府（盖章）");
        }

        @Test
        void isNotAvailableBeforeTheAcceptance() {
            assertThat(template.whyNotAvailable(dibao().build())).hasValueSatisfying(r -> assertThat(r).contains("尚未受理"));
        }
    }

    @Nested
    class MissingMaterials {

        final MissingMaterialsNotice template = new MissingMaterialsNotice();

        @Test
        void listsEveryMissingMaterialAsRecordedAtTheAcceptanceAndTheRemedies() {
            SampleFiles.Builder b = dibao().decision(DecisionStage.ACCEPTANCE, "not_accepted",
                    "1. 户口簿复印件\n2、配偶李四的核对授权书；（3）近三个月收入证明", null, "caseworker1", ACCEPTED);
            b.status = CaseStatus.NOT_ACCEPTED;
            String text = text(template, b.build());
            assertThat(text).contains("最低生活保障申请材料一次性告知书", "张小三", APPLICANT_ID_MASKED,
                    "1.户口簿复印件", "2.配偶李四的核对授权书", "3.近三个月收入证明", "暂不予受理",
                    "六十日内", "中华人民共和国行政复议法", "甲县人民政府申请行政复议", "六个月内", "中华人民共和国行政诉讼法",
                    "告知日期2026年3月4日");
        }

        @Test
        void isNotAvailableOnceAccepted() {
            assertThat(template.whyNotAvailable(dibao().accepted().build())).isPresent();
            assertThat(template.whyNotAvailable(dibao().build())).isPresent();
        }

        @Test
        void splitsTheRecordedTextIntoItems() {
            assertThat(MissingMaterialsNotice.items("身份证、户口簿\n\n  (2) 收入证明 ;3．病历")).containsExactly(
                    "身份证、户口簿", "收入证明", "病历");
        }
    }

    @Nested
    class PublicNoticeList_ {

        final PublicNoticeList template = new PublicNoticeList();

        @Test
        void showsTheMaskedNameHouseholdSizeAmountAndTheSevenDays() {
            String text = text(template, dibao().accepted().assessed("333.33", "600.00", "800.00", true).noticed()
                    .build());
            assertThat(text).contains("最低生活保障公示名单", "张*三", APPLICANT_ID_MASKED, "3人", "800.00元",
                    "2026年3月21日至2026年3月27日（共7天）", "张贴日期2026年3月20日", "经入户调查，情况属实，同意上报",
                    "甲县一镇人民政府（盖章）");
            assertThat(text).doesNotContain("张小三", "李四", SPOUSE_ID_MASKED);
        }

        @Test
        void isNotAvailableBeforeTheNoticeNorForTemporaryAssistance() {
            assertThat(template.whyNotAvailable(dibao().accepted().build())).isPresent();
            SampleFiles.Builder temporary = dibao().accepted().noticed();
            temporary.programme = Programme.TEMPORARY;
            assertThat(template.whyNotAvailable(temporary.build())).isPresent();
        }
    }

    @Nested
    class Decision {

        final DecisionNotice template = new DecisionNotice();

        private SampleFiles.Builder approved() {
            SampleFiles.Builder b = dibao().accepted().assessed("333.33", "600.00", "800.00", true).noticed()
                    .decision(DecisionStage.DECISION, "approve", "经审核，符合最低生活保障条件", "800.00", "reviewer1",
                            DECIDED);
            b.status = CaseStatus.APPROVED;
            b.benefit = new CaseFile.Benefit(new java.math.BigDecimal("800.00"), "2026-04", 3, null, null, DECIDED);
            return b;
        }

        @Test
        void givesTheHouseholdAmountFirstMonthDecisionDateAndReasons() {
            String text = text(template, approved().build());
            assertThat(text).contains("最低生活保障审核确认决定书", "张小三", APPLICANT_ID_MASKED, "李四", SPOUSE_ID_MASKED,
                    "配偶", "每月800.00元", "月保障金额800.00元", "起始发放月份2026年4月", "保障人数3人",
                    "决定日期2026年3月31日", "经审核，符合最低生活保障条件", "乡镇初审意见：经入户调查，情况属实，同意上报",
                    "家庭人均月收入333.33元", "600.00元/人·月", "甲县民政局（盖章）");
        }

        @Test
        void whereApprovalIsDelegatedTheTownshipDecides() {
            SampleFiles.Builder b = approved();
            b.delegated = true;
            assertThat(text(template, b.build())).contains("决定机关甲县一镇人民政府", "甲县一镇人民政府（盖章）");
        }

        @Test
        void isNotAvailableBeforeTheEnrolment() {
            SampleFiles.Builder b = approved();
            b.benefit = null;
            assertThat(template.whyNotAvailable(b.build())).isPresent();
            assertThat(template.whyNotAvailable(dibao().accepted().noticed().build())).isPresent();
        }
    }

    @Nested
    class Rejection {

        final RejectionNotice template = new RejectionNotice();

        @Test
        void theCountysRefusalGivesItsReasonsAndTheRemedies() {
            SampleFiles.Builder b = dibao().accepted().assessed("720.50", "600.00", "0.00", false).noticed()
                    .decision(DecisionStage.DECISION, "reject", "家庭人均收入高于当地低保标准", null, "reviewer1", DECIDED)
                    .step(TimelineStep.REJECTION_NOTICE, "notified", DECIDED.plusSeconds(2 * 86_400));
            b.status = CaseStatus.REJECTED;
            String text = text(template, b.build());
            assertThat(text).contains("告知日期2026年4月2日");
            assertThat(text).contains("最低生活保障不予确认告知书", "张小三", APPLICANT_ID_MASKED,
                    "甲县民政局于2026年3月31日决定不予确认", "家庭人均收入高于当地低保标准", "月收入720.50元",
                    "对照标准600.00元", "送达机关甲县一镇人民政府", "六十日内", "依照《中华人民共和国行政复议法》向甲县人民政府申请行政复议",
                    "六个月内", "《中华人民共和国行政诉讼法》", "甲县民政局（盖章）");
        }

        @Test
        void theTownshipsRefusalIsIssuedByTheTownship() {
            SampleFiles.Builder b = dibao().accepted().decision(DecisionStage.TOWNSHIP_REVIEW, "reject",
                    "申请人有劳动能力且拒不就业", null, "caseworker1", REVIEWED);
            b.status = CaseStatus.REJECTED;
            String text = text(template, b.build());
            assertThat(text).contains("经调查核实和初审，甲县一镇人民政府于2026年3月20日决定不予确认", "申请人有劳动能力且拒不就业",
                    "甲县一镇人民政府（盖章）");
        }

        @Test
        void aSubDistrictIsItsOffice() {
            SampleFiles.Builder b = dibao().accepted().decision(DecisionStage.TOWNSHIP_REVIEW, "reject", "不符合条件",
                    null, "caseworker1", REVIEWED);
            b.township = "130102001";
            b.townshipName = "城关街道";
            assertThat(Wording.townshipAuthority(b.build())).isEqualTo("城关街道办事处");
        }

        @Test
        void isNotAvailableWithoutARefusal() {
            assertThat(template.whyNotAvailable(dibao().accepted().noticed().build())).isPresent();
        }
    }

    @Nested
    class Temporary {

        final TemporaryApproval template = new TemporaryApproval();

        private SampleFiles.Builder temporary(String kind) {
            SampleFiles.Builder b = dibao().accepted();
            b.programme = Programme.TEMPORARY;
            b.temporaryKind = kind;
            b.cause = "火灾";
            b.reason = "家中失火，生活无着";
            b.requested = new java.math.BigDecimal("2500.00");
            return b;
        }

        @Test
        void anEmergencyGrantFromTheReserveFund() {
            SampleFiles.Builder b = temporary("EMERGENCY").decision(DecisionStage.DECISION, "granted",
                    "先行救助 2,000.00 元", "2000.00", "caseworker1", REVIEWED);
            b.grant = new CaseFile.Grant(new java.math.BigDecimal("2000.00"), true, "caseworker1", "王经办", REVIEWED);
            b.status = CaseStatus.PAPERWORK;
            String text = text(template, b.build());
            assertThat(text).contains("临时救助审批表", "张小三", APPLICANT_ID_MASKED, "临时救助（急难型）",
                    "救助方式先行救助，事后补办手续", "救助事由火灾",
                    "申请救助金额2,500.00元", "批准金额2,000.00元", "发放金额2,000.00元", "乡镇（街道）临时救助备用金（先行救助）",
                    "审批人王经办（caseworker1）", "补办手续待补办", "甲县一镇人民政府（盖章）");
        }

        @Test
        void anExpenditureGrantApprovedByTheCounty() {
            SampleFiles.Builder b = temporary("EXPENDITURE")
                    .decision(DecisionStage.TOWNSHIP_REVIEW, "submitted_to_county", "拟救助 1,800.00 元，报县级审核确认",
                            "1800.00", "caseworker1", REVIEWED)
                    .decision(DecisionStage.DECISION, "approve", "同意救助", "1500.50", "reviewer1", DECIDED);
            b.grant = new CaseFile.Grant(new java.math.BigDecimal("1500.50"), false, "reviewer1", "赵审核", DECIDED);
            b.status = CaseStatus.GRANTED;
            String text = text(template, b.build());
            assertThat(text).contains("支出型", "拟救助金额1,800.00元", "批准金额1,500.50元", "县级临时救助资金",
                    "审批机关甲县民政局", "审批日期2026年3月31日", "甲县民政局（盖章）");
        }

        @Test
        void isNotAvailableBeforeItsApprovalNorForDibao() {
            assertThat(template.whyNotAvailable(temporary("EXPENDITURE").build())).isPresent();
            assertThat(template.whyNotAvailable(dibao().accepted().build())).isPresent();
        }
    }

    @Test
    void namesAreMaskedKeepingTheSurnameAndFromThreeCharactersTheLast() {
        assertThat(Wording.maskName("张三")).isEqualTo("张*");
        assertThat(Wording.maskName("张小三")).isEqualTo("张*三");
        assertThat(Wording.maskName("欧阳小锋")).isEqualTo("欧**锋");
        assertThat(Wording.maskName(" 王 ")).isEqualTo("王");
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = PDF.render(new AcceptanceNotice().write(dibao().accepted().build()), Instant.now());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var fonts = doc.getPage(0).getResources().getFontNames();
            assertThat(fonts).isNotEmpty();
            for (var name : fonts) {
                var font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as("embedded " + font.getName()).isTrue();
                assertThat(font.getName()).as("subset prefix").matches("[A-Z]{6}\\+.*");
            }
        }
        assertThat(pdf.length).as("a subset, not the 5 MB font").isLessThan(200_000);
    }

    /** One font for every request: notices rendered at the same time each come out whole. */
    @Test
    void noticesRenderedConcurrentlyShareTheFontSafely() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 24; i++) {
                String reason = "理由" + i + "：家庭人均收入高于当地低保标准";
                futures.add(pool.submit(() -> {
                    SampleFiles.Builder b = dibao().accepted().decision(DecisionStage.TOWNSHIP_REVIEW, "reject", reason,
                            null, "caseworker1", REVIEWED);
                    return PdfText.compact(PDF.render(new RejectionNotice().write(b.build()), GENERATED));
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).contains("理由" + i + "：家庭人均收入高于当地低保标准", "最低生活保障不予确认告知书");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTekunDecisionNamesTheCareLevelAndSupportMode() {
        SampleFiles.Builder b = dibao().accepted().assessed("150.00", "780.00", "1014.00", true).noticed()
                .decision(DecisionStage.DECISION, "approve", null, "1014.00", "reviewer1", DECIDED);
        b.programme = Programme.TEKUN;
        b.status = CaseStatus.APPROVED;
        b.benefit = new CaseFile.Benefit(new java.math.BigDecimal("1014.00"), "2026-04", 1, "部分丧失生活自理能力", "分散供养",
                DECIDED);
        String text = text(new DecisionNotice(), b.build());
        assertThat(text).contains("特困人员救助供养审核确认决定书", "你符合特困人员救助供养条件", "本机关审核认定",
                "月保障金额1,014.00元", "保障人数1人", "生活自理能力部分丧失生活自理能力", "供养方式分散供养", "本人月收入150.00元",
                "审核认定意见同意。");
    }

    @Test
    void aTemporaryRefusalIsNotApproval() {
        SampleFiles.Builder b = dibao().accepted().decision(DecisionStage.DECISION, "reject", "已享受教育救助", null,
                "reviewer1", DECIDED);
        b.programme = Programme.TEMPORARY;
        b.temporaryKind = "EXPENDITURE";
        b.status = CaseStatus.REJECTED;
        String text = text(new RejectionNotice(), b.build());
        assertThat(text).contains("临时救助不予批准告知书", "临时救助（支出型）", "甲县民政局于2026年3月31日决定不予批准", "已享受教育救助",
                "六十日内");
    }
}
