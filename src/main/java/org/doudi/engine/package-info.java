/**
 * The engine's task queries with {@code EXISTS}, the authorized-group query and the engine's extra
 * indexes. Uses no module.
 */
@ApplicationModule(displayName = "Engine at scale (引擎查询)", allowedDependencies = {})
package org.doudi.engine;

import org.springframework.modulith.ApplicationModule;
