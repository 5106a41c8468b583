package org.doudi.shared.logging;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the engine's {@code ENGINE-16004 Exception while closing command context} when the exception
 * is a refused form submission. The engine logs a {@link FormFieldValidationException} at ERROR with
 * its whole stack (about 200 lines, measured), although it is an answer to the user (400, task left open), not a
 * failure: any logged-in user could fill the disk with refused submissions. The listener that refused
 * writes one WARN line instead. Every other exception of the engine keeps its ERROR and stack trace, so
 * that a 500 stays diagnosable.
 */
public class RefusedSubmissionFilter extends TurboFilter {

    /** The engine's command-context logger (ProcessEngineLogger.CONTEXT_LOGGER). */
    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName()) || level == null
                || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        return isRefusal(t) || isRefusal(lastThrowable(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** The engine passes its exception as the last argument, so logback sees it only after this filter. */
    private static Throwable lastThrowable(Object[] params) {
        if (params == null || params.length == 0) {
            return null;
        }
        return params[params.length - 1] instanceof Throwable t ? t : null;
    }

    static boolean isRefusal(Throwable t) {
        return t instanceof FormFieldValidationException;
    }
}
