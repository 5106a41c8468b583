/**
 * The engine API's door: the allow-list of {@code /engine-rest} routes, body checks, form fields, start
 * forms, the cross-site check.
 */
@ApplicationModule(displayName = "Engine API gateway (引擎接口)",
        allowedDependencies = { "audit", "cases", "cases :: process", "region" })
package org.doudi.gateway;

import org.springframework.modulith.ApplicationModule;
