package org.doudi.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

import org.doudi.TimeConfig;
import org.doudi.cases.Programme;
import org.doudi.shared.Money;

/** The words every notice shares: dates, amounts, authorities, masked names, the applicant's remedies. */
final class Wording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    private Wording() {
    }

    /** A moment's date in China Standard Time. */
    static LocalDate day(Instant at) {
        return at == null ? null : at.atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }

    /** {@code 2026年12月7日}; "—" when unknown. */
    static String date(LocalDate day) {
        return day == null ? "—" : DAY.format(day);
    }

    static String date(Instant at) {
        return date(day(at));
    }

    /** {@code 2027年1月} from {@code 2027-01}. */
    static String month(String yearMonth) {
        return yearMonth == null ? "—" : MONTH.format(YearMonth.parse(yearMonth));
    }

    /** {@code 1,200.00 元}: to the fen. */
    static String money(BigDecimal amount) {
        return Money.format(amount);
    }

    /**
     * The township's government (乡镇人民政府), or its sub-district office (街道办事处) for a 街道: codes
     * 001–099 in digits 7–9 (GB/T 10114).
     */
    static String townshipAuthority(CaseFile f) {
        String name = f.township().name();
        String code = f.township().code();
        boolean subDistrict = code != null && code.length() == 9 && code.substring(6).compareTo("100") < 0;
        if (subDistrict) {
            return name.endsWith("街道") ? name + "办事处" : name + "街道办事处";
        }
        return name.endsWith("人民政府") ? name : name + "人民政府";
    }

    /** The county's civil-affairs bureau (县级民政部门). */
    static String countyBureau(CaseFile f) {
        return f.county().name() + "民政局";
    }

    /**
     * The village's committee, as it is formally called: 东村 → 东村村民委员会, 城关社区 → 城关社区居民委员会.
     */
    static String villageCommittee(CaseFile f) {
        String name = f.village().name();
        return name + (name.endsWith("社区") ? "居民委员会" : "村民委员会");
    }

    /** The county's people's government: the reconsideration body for both township and bureau decisions. */
    static String countyGovernment(CaseFile f) {
        return f.county().name() + "人民政府";
    }

    /** Who takes the decision (审核确认): the county's bureau, or the township where it is delegated. */
    static String decidingAuthority(CaseFile f) {
        return f.approvalDelegated() ? townshipAuthority(f) : countyBureau(f);
    }

    static String programme(CaseFile f) {
        return f.programme().label();
    }

    /** What the programme's final decision is called: 审核确认 for 低保, 认定 for 特困, 审批 for 临时救助. */
    static String decisionWord(CaseFile f) {
        return switch (f.programme()) {
            case DIBAO -> "审核确认";
            case TEKUN -> "审核认定";
            case TEMPORARY -> "审批";
        };
    }

    static String temporaryKind(CaseFile f) {
        if (f.temporaryKind() == null) {
            return null;
        }
        return "EMERGENCY".equals(f.temporaryKind()) ? "急难型" : "支出型";
    }

    /**
     * A name as posted in a village: the surname and, from three characters on, the last character stay,
     * the rest becomes {@code *} (张*三, 李*, 欧**锋). Neighbours can still tell whose notice it is, which
     * the notice is for (so they can object), while the full name cannot be copied or searched.
     */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "—";
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return name.strip();
        }
        StringBuilder s = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return s.append('*').toString();
        }
        s.append("*".repeat(cps.length - 2));
        return s.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /**
     * The remedies against a decision (the document that notifies it: 告知书, 决定书), in general terms:
     * 行政复议 within 60 days (行政复议法) with the county's
     * people's government, which reviews acts of both the township government and the county's departments
     * since the 2023 revision; or a suit within 6 months (行政诉讼法).
     */
    static String remedies(CaseFile f, String document) {
        return "如对本决定不服，可以自收到本" + document + "之日起六十日内，依照《中华人民共和国行政复议法》向"
                + countyGovernment(f) + "申请行政复议；也可以自收到本" + document + "之日起六个月内，依照《中华人民共和国行政诉讼法》"
                + "向有管辖权的人民法院提起行政诉讼。";
    }

    /** The case's usual fields: applicant (masked ID), household size, where, programme. */
    static Notice.Builder caseFields(Notice.Builder b, CaseFile f) {
        return b.field("案件编号", f.caseNumber())
                .field("救助类别", f.programme() == Programme.TEMPORARY && temporaryKind(f) != null
                        ? programme(f) + "（" + temporaryKind(f) + "）" : programme(f))
                .field("申请人", f.applicantName())
                .field("公民身份号码", f.applicantIdMasked())
                .field("家庭人口", f.householdSize() + " 人")
                .field("县（市、区）", f.county().name())
                .field("乡镇（街道）", f.township().name())
                .field("村（社区）", f.village().name());
    }
}
