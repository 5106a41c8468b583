package org.doudi.region;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of deep-poverty area (深度贫困地区) a county, township or village may be flagged as, after the 2017
 * 《关于支持深度贫困地区脱贫攻坚的实施意见》 of the General Offices of the CPC Central Committee and the State Council
 * (docs/deep-poverty.md). Stored by name in {@code region.deep_poverty} and {@code open_task.deep_poverty}.
 */
public enum DeepPoverty {

    /**
     * 三区三州: 西藏, the Tibetan areas of 青海, 四川, 甘肃 and 云南 (四省涉藏州县), the four prefectures of southern
     * 新疆 (南疆四地州), and 四川凉山州, 云南怒江州, 甘肃临夏州. The wider designation: a region under one lies in
     * 三区三州 whatever else it is flagged as.
     */
    SANQU_SANZHOU("三区三州"),

    /** 其他深度贫困地区: the deep-poverty counties, townships and villages the provinces named besides 三区三州. */
    DEEP_POVERTY("深度贫困地区");

    private final String label;

    DeepPoverty(String label) {
        this.label = label;
    }

    /** Its Chinese name, as the pages show it. */
    public String label() {
        return label;
    }

    /** The kind of this name ({@code SANQU_SANZHOU}, {@code DEEP_POVERTY}), exactly as written. */
    public static Optional<DeepPoverty> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * The kind an area flagged twice (a 深度贫困村 in a 三区三州 county) lies in: 三区三州 wins. SQL that resolves the
     * same takes {@code max(deep_poverty)}: {@code 'SANQU_SANZHOU'} sorts after {@code 'DEEP_POVERTY'}.
     */
    public static DeepPoverty wider(DeepPoverty a, DeepPoverty b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a == SANQU_SANZHOU || b == SANQU_SANZHOU ? SANQU_SANZHOU : DEEP_POVERTY;
    }
}
