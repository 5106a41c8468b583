package org.doudi.region;

import org.doudi.shared.NotFoundException;
import org.doudi.shared.OutsideScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets and clears the deep-poverty flag (深度贫困地区) of a county, township or village: operators only, since the
 * lists come from the national and provincial designations, not from a county's own choice. Who did it and
 * when is in the audit trail (the {@code PUT} of the API, like every admin change) and in the log.
 */
@Service
@Transactional
public class DeepPovertyFlags {

    private static final Logger log = LoggerFactory.getLogger(DeepPovertyFlags.class);

    private final RegionRepository regions;
    private final RegionService regionService;
    private final ApplicationEventPublisher events;

    DeepPovertyFlags(RegionRepository regions, RegionService regionService, ApplicationEventPublisher events) {
        this.regions = regions;
        this.regionService = regionService;
        this.events = events;
    }

    /** Refuses (403) unless the user is an operator (系统管理员). */
    public void requireOperator(StaffScope scope) {
        if (!scope.isAdmin()) {
            throw new OutsideScopeException("只有系统管理员可以设定或取消深度贫困地区标识 (only an operator may set or clear"
                    + " a deep-poverty flag)");
        }
    }

    /** The region, or 404. */
    @Transactional(readOnly = true)
    public Region region(String code) {
        return regionService.find(code).orElseThrow(() -> new NotFoundException("没有区划 " + code + " (no such region)"));
    }

    /**
     * Sets the region's own flag ({@code null}: clears it) and has what lies in the region follow
     * ({@link DeepPovertyChanged}), in this transaction. Setting the flag it already has changes nothing
     * but rewrites the flag of what lies in it.
     */
    public Region set(String code, DeepPoverty kind, StaffScope scope, String actor) {
        requireOperator(scope);
        Region region = region(code);
        DeepPoverty previous = region.deepPoverty();
        region.flagDeepPoverty(kind);
        regions.saveAndFlush(region);
        events.publishEvent(new DeepPovertyChanged(code, kind, previous));
        log.info("region {}: deep-poverty flag {} -> {} by {}", code, previous, kind, actor);
        return region;
    }
}
