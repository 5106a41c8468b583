package org.doudi.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.doudi.region.ActingStaff;
import org.doudi.region.StaffScope;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now: the user the engine runs a command for (Tasklist, {@code /engine-rest}),
 * else the user of the HTTP request ({@code /api}), else the system itself (timers, async jobs).
 */
@Component
public class Actors implements ActingStaff {

    /** The actor recorded for steps nobody performed by hand. */
    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    Actors(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public String currentUserId() {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return engine.getUserId();
        }
        var web = SecurityContextHolder.getContext().getAuthentication();
        if (web != null && web.isAuthenticated() && web.getName() != null && !"anonymousUser".equals(web.getName())) {
            return web.getName();
        }
        return SYSTEM;
    }

    public List<String> currentGroupIds() {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return engine.getGroupIds() == null ? List.of() : engine.getGroupIds();
        }
        var web = SecurityContextHolder.getContext().getAuthentication();
        if (web != null && web.isAuthenticated()) {
            return web.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        }
        return List.of();
    }

    /** The current actor's scope; the system (no user) acts everywhere. */
    @Override
    public StaffScope currentScope() {
        if (SYSTEM.equals(currentUserId())) {
            return StaffScope.of(List.of(StaffScope.ADMIN_GROUP));
        }
        return StaffScope.of(currentGroupIds());
    }
}
