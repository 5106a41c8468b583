package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A code lies in the area of its own flag, its township's or its county's; 三区三州 wins over 深度贫困. */
class DeepPovertyAreasTest {

    /**
     * County 620100 三区三州 as a whole; in county 130102 township 130102101 深度贫困, and village 130102100202 深度贫困
     * in an unflagged township; village 620100100201 is also flagged 深度贫困 inside its 三区三州 county.
     */
    static final DeepPovertyAreas AREAS = new DeepPovertyAreas(Map.of(
            "620100", DeepPoverty.SANQU_SANZHOU,
            "620100100201", DeepPoverty.DEEP_POVERTY,
            "130102101", DeepPoverty.DEEP_POVERTY,
            "130102100202", DeepPoverty.DEEP_POVERTY));

    @ParameterizedTest(name = "{0} → {1} (flag of {2})")
    @CsvSource(nullValues = "-", value = {
            "620100,       SANQU_SANZHOU, 620100",
            "620100100,    SANQU_SANZHOU, 620100",
            "620100101201, SANQU_SANZHOU, 620100",
            "620100100201, SANQU_SANZHOU, 620100",
            "130102101,    DEEP_POVERTY,  130102101",
            "130102101201, DEEP_POVERTY,  130102101",
            "130102100202, DEEP_POVERTY,  130102100202",
            "130102100201, -,             -",
            "130102100,    -,             -",
            "130102,       -,             -",
            "130104200201, -,             -",
    })
    void aCodeLiesInTheAreaOfItselfItsTownshipOrItsCounty(String code, DeepPoverty kind, String flaggedRegion) {
        assertThat(AREAS.kindOf(code)).isEqualTo(java.util.Optional.ofNullable(kind));
        assertThat(AREAS.areaOf(code).map(DeepPovertyAreas.Area::flaggedRegion).orElse(null)).isEqualTo(flaggedRegion);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource({ "62010", "6201001002011", "62010010020x", "''" })
    void aCodeOfNoLevelLiesInNoArea(String code) {
        assertThat(AREAS.kindOf(code)).isEmpty();
        assertThat(DeepPovertyAreas.selfAndAncestors(code)).isEmpty();
    }

    @ParameterizedTest(name = "{0} and {1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "SANQU_SANZHOU, DEEP_POVERTY,  SANQU_SANZHOU",
            "DEEP_POVERTY,  SANQU_SANZHOU, SANQU_SANZHOU",
            "DEEP_POVERTY,  DEEP_POVERTY,  DEEP_POVERTY",
            "-,             DEEP_POVERTY,  DEEP_POVERTY",
            "SANQU_SANZHOU, -,             SANQU_SANZHOU",
            "-,             -,             -",
    })
    void sanquSanzhouIsTheWiderKindAsSqlsMaxSortsIt(DeepPoverty a, DeepPoverty b, DeepPoverty wider) {
        assertThat(DeepPoverty.wider(a, b)).isEqualTo(wider);
        if (a != null && b != null) {
            assertThat(a.name().compareTo(b.name()) >= 0 ? a : b).as("max() over the names").isEqualTo(wider);
        }
    }
}
