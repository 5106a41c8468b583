/**
 * Acceptance, the township review, the public notice and its objections, 民主评议, the county's decision,
 * spot checks and the rejection notice's delivery; carries out an approval. {@code process/}: the listeners
 * and delegates of {@code AssistanceApplication.bpmn}.
 */
@ApplicationModule(displayName = "Review (审核确认)",
        allowedDependencies = { "cases", "cases :: process", "escalation", "household", "region", "safeguards",
                "security", "verification" })
package org.doudi.review;

import org.springframework.modulith.ApplicationModule;
