package org.doudi.shared.logging;

import org.doudi.shared.PersonalData;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Spring Boot's log line, with every resident ID and mobile number in it masked. It masks the whole
 * formatted line, stack trace included, because the numbers come from places we do not control: a
 * database's message about a unique key, an exception's text, a library's debug output.
 */
public class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return PersonalData.maskAll(super.doLayout(event));
    }
}
