package org.doudi.region;

/** A county has no local policy (低保标准 etc.) configured, so its cases cannot be assessed. */
class MissingCountyPolicyException extends RuntimeException {

    public MissingCountyPolicyException(String countyCode) {
        super("county " + countyCode + " has no policy (county_policy) configured");
    }
}
