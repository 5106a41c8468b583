package org.doudi.escalation;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Statutory time limits in working days, per step and programme: national defaults, overridden per
 * county ({@code doudi.time-limits} in application.yaml). A limit {@code county-decision} is looked up
 * as {@code county-decision-tekun} for a 特困 case first, then as {@code county-decision}; a county's
 * entry wins over the default.
 *
 * @param defaults national defaults (最低生活保障审核确认办法, 特困人员认定办法 …)
 * @param counties per-county overrides, keyed by 6-digit county code
 * @param escalationLevel2After working days after the due date when an overdue task goes to the county
 *            supervisors
 */
@ConfigurationProperties("doudi.time-limits")
public record TimeLimits(Map<String, Integer> defaults, Map<String, Map<String, Integer>> counties,
        int escalationLevel2After) {

    public TimeLimits {
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        counties = counties == null ? Map.of() : Map.copyOf(counties);
        if (escalationLevel2After < 1) {
            throw new IllegalArgumentException("doudi.time-limits.escalation-level2-after must be at least 1");
        }
    }

    /** The limit for a step of a programme in a county. */
    public int of(String name, String programme, String countyCode) {
        String specific = name + "-" + programme.toLowerCase(Locale.ROOT);
        Map<String, Integer> county = counties.getOrDefault(countyCode, Map.of());
        for (Map<String, Integer> source : new Map[] {county, defaults}) {
            if (source.containsKey(specific)) {
                return source.get(specific);
            }
            if (source.containsKey(name)) {
                return source.get(name);
            }
        }
        throw new IllegalStateException("no time limit named " + name + " (doudi.time-limits.defaults)");
    }
}
