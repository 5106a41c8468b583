package org.doudi.verification;

/** The registers that data verification (信息核对) consults, as the 2021 rules list them. */
public enum RegistryCategory {
    HOUSEHOLD_REGISTRATION("户籍"),
    TAX("税务"),
    SOCIAL_INSURANCE("社会保险"),
    REAL_ESTATE("不动产"),
    VEHICLE("车辆"),
    BUSINESS_REGISTRATION("市场主体登记"),
    HOUSING_FUND("住房公积金"),
    DEPOSIT("存款"),
    INSURANCE("商业保险"),
    SECURITIES("有价证券"),
    /** 建档立卡 / 防返贫监测: the poverty office's register; a refused person in it is referred there. */
    POVERTY_REGISTRY("扶贫（防返贫监测）登记");

    private final String label;

    RegistryCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
