/**
 * Logins, password hashing, login throttling, the engine's identity provider, who is acting
 * ({@link org.doudi.security.Actors}) and the system's own authority for engine calls.
 */
@ApplicationModule(displayName = "Security (登录与身份)", allowedDependencies = { "region" })
package org.doudi.security;

import org.springframework.modulith.ApplicationModule;
