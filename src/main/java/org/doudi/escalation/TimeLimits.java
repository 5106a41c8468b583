package org.doudi.escalation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.doudi.cases.Programme;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Statutory time limits in working days, per step and programme: national defaults, overridden per
 * county ({@code doudi.time-limits} in application.yaml). A limit {@code county-decision} is looked up
 * as {@code county-decision-tekun} for a 特困 case first, then as {@code county-decision}; a county's
 * entry wins over the default.
 * <p>
 * The defaults are the national rules, which are maxima: a county may be quicker, never slower. A county
 * value above the national limit it replaces, for any programme it applies to, or one with no national
 * counterpart, refuses the configuration at start-up, naming its key.
 *
 * @param defaults national defaults (最低生活保障审核确认办法, 特困人员认定办法 …)
 * @param counties per-county overrides, keyed by 6-digit county code
 * @param escalationLevel2After working days after the due date when an overdue task goes to the county
 *            supervisors
 */
@ConfigurationProperties("doudi.time-limits")
record TimeLimits(Map<String, Integer> defaults, Map<String, Map<String, Integer>> counties,
        int escalationLevel2After) {

    private static final String PREFIX = "doudi.time-limits.";
    private static final List<String> PROGRAMMES = Arrays.stream(Programme.values())
            .map(p -> p.name().toLowerCase(Locale.ROOT)).toList();

    public TimeLimits {
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        counties = counties == null ? Map.of() : Map.copyOf(counties);
        if (escalationLevel2After < 1) {
            throw new IllegalArgumentException("doudi.time-limits.escalation-level2-after must be at least 1");
        }
        List<String> problems = problems(defaults, counties);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("地方时限不得超过国家规定 (a county's time limits cannot exceed the national "
                    + "maxima in doudi.time-limits.defaults): " + String.join("; ", problems));
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

    /**
     * Every county value that is not a positive number of working days within the national limit it
     * replaces. A step-wide county value ({@code county-decision}) replaces the national limit of every
     * programme for which the county sets no programme value of its own, so it is checked against each.
     */
    static List<String> problems(Map<String, Integer> defaults, Map<String, Map<String, Integer>> counties) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(defaults).forEach((key, days) -> {
            if (days == null || days < 1) {
                problems.add(PREFIX + "defaults." + key + " = " + days + " 须至少为 1 个工作日 (must be at least 1)");
            }
        });
        new TreeMap<>(counties).forEach((county, limits) -> new TreeMap<>(limits == null ? Map.<String, Integer>of() : limits)
                .forEach((key, days) -> {
                    String property = PREFIX + "counties." + county + "." + key;
                    if (days == null || days < 1) {
                        problems.add(property + " = " + days + " 须至少为 1 个工作日 (must be at least 1)");
                        return;
                    }
                    String programme = programmeOf(key);
                    if (programme != null) {
                        String step = key.substring(0, key.length() - programme.length() - 1);
                        String nationalKey = defaults.containsKey(key) ? key : step;
                        check(problems, property, days, nationalKey, defaults.get(nationalKey));
                        return;
                    }
                    boolean bounded = defaults.containsKey(key);
                    for (String p : PROGRAMMES) {
                        String specific = key + "-" + p;
                        if (limits.containsKey(specific)) {
                            continue; // the county's own programme value applies there, checked on its own
                        }
                        if (defaults.containsKey(specific)) {
                            bounded = true;
                            check(problems, property + "（" + p + "）", days, specific, defaults.get(specific));
                        } else if (defaults.containsKey(key)) {
                            check(problems, property, days, key, defaults.get(key));
                        }
                    }
                    if (!bounded) {
                        check(problems, property, days, key, null);
                    }
                }));
        return problems.stream().distinct().toList();
    }

    private static void check(List<String> problems, String property, int days, String nationalKey, Integer national) {
        if (national == null) {
            problems.add(property + " 没有对应的国家时限 " + PREFIX + "defaults." + nationalKey
                    + " (no national limit bounds it)");
        } else if (days > national) {
            problems.add(property + " = " + days + " 个工作日，超过国家规定的 " + national + " 个工作日（" + PREFIX
                    + "defaults." + nationalKey + "）(exceeds the national maximum)");
        }
    }

    /** The programme a key is specific to ({@code county-decision-tekun} → {@code tekun}), or {@code null}. */
    private static String programmeOf(String key) {
        return PROGRAMMES.stream().filter(p -> key.endsWith("-" + p) && key.length() > p.length() + 1).findFirst()
                .orElse(null);
    }
}
