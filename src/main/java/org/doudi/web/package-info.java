/**
 * What the HTTP API shares: the error answers (ProblemDetail), JSON settings, {@code /api/me}, pages.
 * Nothing depends on it.
 */
@ApplicationModule(displayName = "Web (接口公共部分)", allowedDependencies = { "cases", "fund", "region", "security" })
package org.doudi.web;

import org.springframework.modulith.ApplicationModule;
