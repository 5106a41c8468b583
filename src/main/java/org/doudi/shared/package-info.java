/**
 * Values and helpers every module may use: money and amounts (元, two decimals), form input and its
 * field violations, texts, dates of forms, personal data masking, the common exceptions. Declared a shared
 * module ({@code @Modulithic(sharedModules)}): every module may use its API without listing it; it uses no
 * module itself. {@code logging/} (log masking, installed by {@code logback-spring.xml}) is internal.
 */
@ApplicationModule(displayName = "Shared (共用)", allowedDependencies = {})
package org.doudi.shared;

import org.springframework.modulith.ApplicationModule;
