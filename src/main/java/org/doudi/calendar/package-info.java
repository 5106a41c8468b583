/**
 * The working-day calendar: national and regional holidays, loaded from {@code calendar/}; {@code web/}: its API.
 */
@ApplicationModule(displayName = "Calendar (工作日)", allowedDependencies = { "region", "security" })
package org.doudi.calendar;

import org.springframework.modulith.ApplicationModule;
