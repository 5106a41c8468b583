package org.doudi.web;

import java.util.ArrayList;
import java.util.List;

import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.region.StaffRole;
import org.doudi.security.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/me}: who is logged in, his groups, and the regions he supervises. */
@RestController
@Tag(name = "账号与登录 Accounts and logins")
class MeController {

    private final Actors actors;
    private final RegionService regions;

    MeController(Actors actors, RegionService regions) {
        this.actors = actors;
        this.regions = regions;
    }

    record RegionView(String code, String name) {
    }

    record Me(String userId, List<String> groups, List<RegionView> supervisedRegions) {
    }

    @Operation(summary = "当前用户 / Who I am", description = """
            登录的用户、所在的组和督办的区域。

            The logged-in user, his groups and the regions he supervises.""")
    @GetMapping("/api/me")

    Me me() {
        List<String> groups = actors.currentGroupIds();
        List<RegionView> supervised = new ArrayList<>();
        for (String group : groups) {
            for (StaffRole role : List.of(StaffRole.COUNTY_SUPERVISOR, StaffRole.TOWNSHIP_SUPERVISOR)) {
                String code = role.regionOf(group);
                if (code != null) {
                    supervised.add(new RegionView(code, regions.find(code).map(Region::name).orElse(code)));
                }
            }
        }
        return new Me(actors.currentUserId(), groups, supervised);
    }
}
