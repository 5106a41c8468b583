/**
 * Division codes and regions, the county policies (地方标准) and their versions, staff roles (the one
 * place that knows how Camunda group ids are spelled: {@link org.doudi.region.StaffRole}) and staff scopes,
 * and the deep-poverty areas (深度贫困地区: {@link org.doudi.region.DeepPoverty}, flags set by operators,
 * {@link org.doudi.region.DeepPovertyChanged} for what keeps a copy). {@code web/}: the county policy API and
 * a region's own ({@code /api/regions/{code}}). Asks who is acting through {@link org.doudi.region.ActingStaff},
 * which {@code security} implements: security depends on region, never the reverse.
 */
@ApplicationModule(displayName = "Regions (行政区划)", allowedDependencies = { "household" })
package org.doudi.region;

import org.springframework.modulith.ApplicationModule;
