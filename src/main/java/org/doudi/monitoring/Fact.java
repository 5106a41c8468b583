package org.doudi.monitoring;

/**
 * The facts a comparison run establishes of each person, as the bits of a profile (the run computes them in SQL;
 * {@code MonitoringRules.dmn} reads them by {@link #variable()}). The order is the bit order: changing it changes
 * the stored profiles of a running run only, none of the warnings.
 */
public enum Fact {
    ENROLLED("enrolled", "已纳入低保或特困"),
    POVERTY_MONITORING("povertyMonitoring", "防返贫监测对象"),
    INCOME_UNDER_LINE("incomeUnderLine", "人均收入低于低保标准"),
    INCOME_UNDER_MULTIPLE("incomeUnderMultiple", "人均收入低于低保标准的县定倍数"),
    SERIOUS_ILLNESS("seriousIllness", "患重病"),
    SEVERE_DISABILITY("severeDisability", "一、二级残疾"),
    MEDICAL_COSTS_HIGH("medicalCostsHigh", "12个月医疗自付费用超过县定额"),
    UNEMPLOYED_WITH_CHILD("unemployedWithChild", "失业登记且有未成年子女"),
    MANY_ROSTERS("manyRosters", "同时在县定数量以上的救助名单中"),
    LEFT_RECENTLY("leftRecently", "12个月内退出低保或特困"),
    REFUSED_RECENTLY("refusedRecently", "12个月内申请未获批准"),
    OWNS_VEHICLE("ownsVehicle", "车辆登记"),
    OWNS_BUSINESS("ownsBusiness", "市场主体登记"),
    OWNS_REAL_ESTATE("ownsRealEstate", "不动产登记"),
    DECEASED("deceased", "死亡"),
    MOVED_AWAY("movedAway", "户籍迁出");

    private final String variable;
    private final String label;

    Fact(String variable, String label) {
        this.variable = variable;
        this.label = label;
    }

    /** The DMN input's variable. */
    public String variable() {
        return variable;
    }

    public String label() {
        return label;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int profile) {
        return (profile & bit()) != 0;
    }
}
