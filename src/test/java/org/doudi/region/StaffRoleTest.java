package org.doudi.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffRoleTest {

    @ParameterizedTest(name = "{0} → {1} of {2}")
    @CsvSource({
            "village-130102100201,          VILLAGE_CLERK,       130102100201",
            "township-130102100,            TOWNSHIP_CASEWORKER, 130102100",
            "county-130102,                 COUNTY_REVIEWER,     130102",
            "poverty-office-130102,         POVERTY_OFFICER,     130102",
            "supervisor-township-130102100, TOWNSHIP_SUPERVISOR, 130102100",
            "supervisor-county-130102,      COUNTY_SUPERVISOR,   130102",
    })
    void aGroupIdNamesItsRoleAndRegionAndIsSpelledBackTheSame(String groupId, StaffRole role, String region) {
        assertThat(StaffRole.ofGroup(groupId)).contains(role);
        assertThat(role.regionOf(groupId)).isEqualTo(region);
        assertThat(role.groupFor(region)).isEqualTo(groupId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "camunda-admin", "township-130102", "county-130102100", "village-", "supervisor-130102",
            "township-13010210x" })
    void aGroupOfNoRoleOrWithACodeOfTheWrongLevelHasNoRole(String groupId) {
        assertThat(StaffRole.ofGroup(groupId)).isEmpty();
    }
}
