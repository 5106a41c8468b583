package org.doudi.verification;

import java.math.BigDecimal;
import java.util.List;

import org.doudi.household.HouseholdMember;

/**
 * A source of data verification (信息核对): given the members of a household, what it knows about them.
 * Each Spring bean implementing it is consulted for every case. An exception means the source could
 * not answer (it is down): the step is retried and then becomes an incident, never a silent "nothing
 * found".
 */
public interface VerificationSource {

    /** A short stable name, recorded with each finding. */
    String name();

    List<Finding> check(List<HouseholdMember> members);

    /** Something a source found about a member, flagged for the home visit. */
    record Finding(HouseholdMember member, RegistryCategory category, String description, BigDecimal amount) {
    }
}
