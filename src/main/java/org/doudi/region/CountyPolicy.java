package org.doudi.region;

import java.math.BigDecimal;

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
}
