/**
 * The written notices as PDF (受理通知书, 一次性告知书, 公示名单, 决定书, 告知书, 临时救助审批表, 复核决定通知书), read from
 * the features. Nothing depends on it.
 */
@ApplicationModule(displayName = "Written notices (文书)",
        allowedDependencies = { "cases", "household", "periodicreview", "region", "security", "temporary", "verification" })
package org.doudi.documents;

import org.springframework.modulith.ApplicationModule;
