package org.doudi.payments;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;

/**
 * Who may do what with a county's payment rolls, from the Camunda groups of the user:
 * <ul>
 * <li>the county's civil-affairs staff ({@code county-<6>}) generate, confirm and read them;</li>
 * <li>the county's supervisors ({@code supervisor-county-<6>}) and operators ({@code camunda-admin}) read them;</li>
 * <li>township staff and supervisors ({@code township-<9>}, {@code supervisor-township-<9>}) of the county read
 * their own townships' part only: its lines, its totals, its export;</li>
 * <li>anyone else learns nothing, not even whether a roll exists (404, as the cases answer outside a region).</li>
 * </ul>
 *
 * @param wholeCounty reads every township's lines
 * @param townships the townships whose part he reads, when not the whole county
 * @param mayWrite generates and confirms
 */
record RollAccess(boolean wholeCounty, Set<String> townships, boolean mayWrite) {

    private static final Set<StaffRole> COUNTY_READERS = Set.of(StaffRole.COUNTY_REVIEWER, StaffRole.COUNTY_SUPERVISOR);
    private static final Set<StaffRole> TOWNSHIP_READERS = Set.of(StaffRole.TOWNSHIP_CASEWORKER,
            StaffRole.TOWNSHIP_SUPERVISOR);

    static RollAccess of(Collection<String> groupIds, String countyCode) {
        StaffScope scope = StaffScope.of(groupIds);
        boolean writer = groupIds.stream().anyMatch(g -> countyCode.equals(StaffRole.COUNTY_REVIEWER.regionOf(g)));
        if (writer || scope.isAdmin() || scope.hasRoleFor(COUNTY_READERS, countyCode)) {
            return new RollAccess(true, Set.of(), writer);
        }
        Set<String> townships = new TreeSet<>();
        for (String group : groupIds) {
            for (StaffRole role : TOWNSHIP_READERS) {
                String code = role.regionOf(group);
                if (code != null && code.startsWith(countyCode)) {
                    townships.add(code);
                }
            }
        }
        return new RollAccess(false, Set.copyOf(townships), false);
    }

    boolean mayRead() {
        return wholeCounty || !townships.isEmpty();
    }

    /** The townships to filter lines and totals by, or {@code null} for all of them. */
    Set<String> townshipFilter() {
        return wholeCounty ? null : townships;
    }

    boolean sees(String townshipCode) {
        return wholeCounty || townships.contains(townshipCode);
    }

    /** Refuses (404) whoever may not read the county's rolls. */
    RollAccess requireRead(String countyCode) {
        if (!mayRead()) {
            throw new NotFoundException("没有县级区划 " + countyCode + " 的发放名册，或不在您的管辖范围内 (no payment roll of "
                    + "county " + countyCode + " that you may see)");
        }
        return this;
    }

    /** Refuses whoever may not generate or confirm: 403 for a reader, 404 for anyone else. */
    RollAccess requireWrite(String countyCode) {
        requireRead(countyCode);
        if (!mayWrite) {
            throw new OutsideScopeException("只有本县民政部门工作人员（" + StaffRole.COUNTY_REVIEWER.groupFor(countyCode) + "）可以生成或确认发放名册 "
                    + "(only the county's civil-affairs staff generate and confirm payment rolls)");
        }
        return this;
    }
}
