package org.doudi.region;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.doudi.household.CareLevel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The local rules of one county (地方标准): what the national rules leave to provinces, cities and
 * counties. Amounts in 元 per person per month.
 */
@Entity
@Table(name = "county_policy")
public class CountyPolicy {

    @Id
    @Column(name = "county_code")
    private String countyCode;

    /** 低保标准: the minimum living standard, per person per month. */
    @Column(name = "dibao_standard", nullable = false)
    private BigDecimal dibaoStandard;

    /** 特困人员基本生活标准, per month. */
    @Column(name = "tekun_basic_standard", nullable = false)
    private BigDecimal tekunBasicStandard;

    /** 特困人员照料护理标准 for each care level, per month. */
    @Column(name = "tekun_care_self", nullable = false)
    private BigDecimal tekunCareSelf;

    @Column(name = "tekun_care_partial", nullable = false)
    private BigDecimal tekunCarePartial;

    @Column(name = "tekun_care_full", nullable = false)
    private BigDecimal tekunCareFull;

    /** 低保边缘家庭: per-capita income under this multiple of the standard (单人户 rule), e.g. 1.5. */
    @Column(name = "single_person_factor", nullable = false)
    private BigDecimal singlePersonFactor;

    /** 审批权限下放: 低保 decisions are made by the townships and spot-checked by the county. */
    @Column(name = "approval_delegated", nullable = false)
    private boolean approvalDelegated;

    /** Share of cases the county spot-checks (抽查), at least 0.30. */
    @Column(name = "spot_check_rate", nullable = false)
    private BigDecimal spotCheckRate;

    /** 临时救助: what a township may grant on its own per case, as a fixed amount … */
    @Column(name = "township_cap")
    private BigDecimal townshipCap;

    /** … or as a multiple of the monthly 低保标准 (used when no fixed amount is set). */
    @Column(name = "township_cap_multiple")
    private BigDecimal townshipCapMultiple;

    /** How many temporary grants one person may receive for one cause in a calendar year. */
    @Column(name = "grants_per_cause_per_year", nullable = false)
    private int grantsPerCausePerYear = 1;

    /** 支出型: the per-capita monthly disposable-income line a household must be under. */
    @Column(name = "disposable_income_line")
    private BigDecimal disposableIncomeLine;

    /** Referral: per-capita monthly income under which a refused household goes to the poverty office. */
    @Column(name = "poverty_line")
    private BigDecimal povertyLine;

    /** Days after a temporary grant when the township checks whether the family is still in difficulty. */
    @Column(name = "follow_up_days", nullable = false)
    private int followUpDays = 90;

    protected CountyPolicy() {
    }

    public CountyPolicy(String countyCode, BigDecimal dibaoStandard, BigDecimal tekunBasicStandard,
            BigDecimal tekunCareSelf, BigDecimal tekunCarePartial, BigDecimal tekunCareFull,
            BigDecimal singlePersonFactor, boolean approvalDelegated, BigDecimal spotCheckRate) {
        if (RegionLevel.ofCode(countyCode) != RegionLevel.COUNTY) {
            throw new IllegalArgumentException("not a county code: " + countyCode);
        }
        if (spotCheckRate.compareTo(new BigDecimal("0.30")) < 0 || spotCheckRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the spot-check rate must lie between 0.30 and 1");
        }
        this.countyCode = countyCode;
        this.dibaoStandard = dibaoStandard;
        this.tekunBasicStandard = tekunBasicStandard;
        this.tekunCareSelf = tekunCareSelf;
        this.tekunCarePartial = tekunCarePartial;
        this.tekunCareFull = tekunCareFull;
        this.singlePersonFactor = singlePersonFactor;
        this.approvalDelegated = approvalDelegated;
        this.spotCheckRate = spotCheckRate;
    }

    public String countyCode() {
        return countyCode;
    }

    public BigDecimal dibaoStandard() {
        return dibaoStandard;
    }

    public BigDecimal tekunBasicStandard() {
        return tekunBasicStandard;
    }

    /** The monthly care allowance for a 特困 care level. */
    public BigDecimal tekunCareAllowance(CareLevel level) {
        return switch (level) {
            case SELF_CARE -> tekunCareSelf;
            case PARTIAL -> tekunCarePartial;
            case FULL_LOSS -> tekunCareFull;
        };
    }

    public BigDecimal singlePersonFactor() {
        return singlePersonFactor;
    }

    public boolean approvalDelegated() {
        return approvalDelegated;
    }

    public BigDecimal spotCheckRate() {
        return spotCheckRate;
    }

    /** Sets the local rules of temporary assistance and referral. */
    public CountyPolicy withTemporaryAssistance(BigDecimal townshipCap, BigDecimal townshipCapMultiple,
            int grantsPerCausePerYear, BigDecimal disposableIncomeLine, BigDecimal povertyLine, int followUpDays) {
        if (grantsPerCausePerYear < 1 || followUpDays < 1) {
            throw new IllegalArgumentException("limits and periods must be positive");
        }
        this.townshipCap = townshipCap;
        this.townshipCapMultiple = townshipCapMultiple;
        this.grantsPerCausePerYear = grantsPerCausePerYear;
        this.disposableIncomeLine = disposableIncomeLine;
        this.povertyLine = povertyLine;
        this.followUpDays = followUpDays;
        return this;
    }

    /** The most a township may grant on its own per case; zero when the county has not set it. */
    public BigDecimal townshipCap() {
        if (townshipCap != null) {
            return townshipCap;
        }
        if (townshipCapMultiple != null) {
            return dibaoStandard.multiply(townshipCapMultiple).setScale(2, RoundingMode.HALF_UP);
        }
        return BigDecimal.ZERO.setScale(2);
    }

    public int grantsPerCausePerYear() {
        return grantsPerCausePerYear;
    }

    /** The 支出型 line; without one, the 低保 standard. */
    public BigDecimal disposableIncomeLine() {
        return disposableIncomeLine != null ? disposableIncomeLine : dibaoStandard;
    }

    /** The referral line; without one, 1.5 × the 低保 standard (低保边缘). */
    public BigDecimal povertyLine() {
        return povertyLine != null ? povertyLine : dibaoStandard.multiply(singlePersonFactor);
    }

    public int followUpDays() {
        return followUpDays;
    }
}
