package org.doudi.region;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a county's policy has already been used: a decision taken with the version in force in its
 * month. Implemented by the module that records decisions (region knows nothing of cases).
 */
public interface PolicyUses {

    /** The case number of a decision (审核确认, a grant) in the county taken at or after the moment, if any. */
    Optional<String> decisionSince(String countyCode, Instant since);
}
