package org.doudi.region;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the contract, each a family of Camunda groups named {@code <prefix><division code>}. The one
 * place that knows how group ids are spelled: code that builds a group id asks {@link #groupFor}, code that
 * reads one asks {@link #ofGroup} or {@link #regionOf}.
 */
public enum StaffRole {
    /** 村级协理员: {@code village-<12 digits>}. */
    VILLAGE_CLERK("village-", RegionLevel.VILLAGE, "村级协理员"),
    /** 乡镇经办: {@code township-<9 digits>}. */
    TOWNSHIP_CASEWORKER("township-", RegionLevel.TOWNSHIP, "乡镇经办"),
    /** 县级民政: {@code county-<6 digits>}. */
    COUNTY_REVIEWER("county-", RegionLevel.COUNTY, "县级民政"),
    /** 扶贫办: {@code poverty-office-<6 digits>}. */
    POVERTY_OFFICER("poverty-office-", RegionLevel.COUNTY, "扶贫部门"),
    /** 乡镇督办: {@code supervisor-township-<9 digits>}. */
    TOWNSHIP_SUPERVISOR("supervisor-township-", RegionLevel.TOWNSHIP, "乡镇督办"),
    /** 县级督办: {@code supervisor-county-<6 digits>}. */
    COUNTY_SUPERVISOR("supervisor-county-", RegionLevel.COUNTY, "县级督办");

    private final String groupPrefix;
    private final RegionLevel level;
    private final String label;

    StaffRole(String groupPrefix, RegionLevel level, String label) {
        this.groupPrefix = groupPrefix;
        this.level = level;
        this.label = label;
    }

    /** What staff call the role (乡镇经办 …). */
    public String label() {
        return label;
    }

    public RegionLevel level() {
        return level;
    }

    /** The Camunda group id of this role for a region, e.g. {@code township-130102100}. */
    public String groupFor(String regionCode) {
        if (RegionLevel.ofCode(regionCode) != level) {
            throw new IllegalArgumentException(name() + " needs a " + level + " code, got " + regionCode);
        }
        return groupPrefix + regionCode;
    }

    /** The role whose group this is ({@code township-130102100} → {@link #TOWNSHIP_CASEWORKER}), if any. */
    public static Optional<StaffRole> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(role -> role.regionOf(groupId) != null).findFirst();
    }

    /** The region code of a group id of this role, or {@code null} when the group is not of this role. */
    public String regionOf(String groupId) {
        if (groupId == null || !groupId.startsWith(groupPrefix)) {
            return null;
        }
        String code = groupId.substring(groupPrefix.length());
        return RegionLevel.ofCode(code) == level ? code : null;
    }
}
