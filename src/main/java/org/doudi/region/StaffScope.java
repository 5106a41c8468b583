package org.doudi.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a member of staff may see and act on, derived from his Camunda groups: each role group covers
 * its region and everything below it. Members of {@code camunda-admin} cover every region.
 */
public final class StaffScope {

    public static final String ADMIN_GROUP = "camunda-admin";

    private final boolean admin;
    private final List<Grant> grants;

    private record Grant(StaffRole role, String regionCode) {
        boolean covers(String code) {
            return code != null && code.startsWith(regionCode);
        }
    }

    private StaffScope(boolean admin, List<Grant> grants) {
        this.admin = admin;
        this.grants = List.copyOf(grants);
    }

    public static StaffScope of(Collection<String> groupIds) {
        boolean admin = groupIds.contains(ADMIN_GROUP);
        List<Grant> grants = new ArrayList<>();
        for (String groupId : groupIds) {
            for (StaffRole role : StaffRole.values()) {
                String code = role.regionOf(groupId);
                if (code != null) {
                    grants.add(new Grant(role, code));
                }
            }
        }
        return new StaffScope(admin, grants);
    }

    public boolean isAdmin() {
        return admin;
    }

    /**
     * Whether he may see the cases of this region: case-handling staff and supervisors of the region or
     * above. Poverty-office officers see only what is referred to them.
     */
    public boolean canSee(String regionCode) {
        return admin || grants.stream().anyMatch(g -> g.role() != StaffRole.POVERTY_OFFICER && g.covers(regionCode));
    }

    /**
     * The regions whose cases he may see ({@link #canSee}), none covering another: a list of division
     * codes to filter by. Empty for an administrator (who sees all) and for whom sees no region's cases.
     */
    public List<String> visibleRegions() {
        if (admin) {
            return List.of();
        }
        List<String> codes = grants.stream().filter(g -> g.role() != StaffRole.POVERTY_OFFICER)
                .map(Grant::regionCode).distinct().toList();
        return codes.stream()
                .filter(code -> codes.stream().noneMatch(other -> !other.equals(code) && code.startsWith(other)))
                .sorted().toList();
    }

    /** Whether he has one of the given roles anywhere. */
    public boolean hasAnyRole(Set<StaffRole> roles) {
        return admin || grants.stream().anyMatch(g -> roles.contains(g.role()));
    }

    /** Whether one of the given roles covers the region. */
    public boolean hasRoleFor(Set<StaffRole> roles, String regionCode) {
        return admin || grants.stream().anyMatch(g -> roles.contains(g.role()) && g.covers(regionCode));
    }
}
