package org.doudi.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code /engine-rest} answers a request that the engine refused as the client's fault (a
 * {@link BadUserRequestException}: Doudi's step guard, a step the case does not allow) with 400, as it
 * already does for a modification. Camunda's start and task-completion resources wrap every engine
 * exception into a 500; this mapper, ahead of Camunda's own, unwraps that one case and leaves every
 * other answer as Camunda makes it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    /** Refusals as a person reads them, for the webapps' and the REST API's engine calls. */
    @Bean
    FilterRegistrationBean<EngineRefusalMessages> engineRefusalMessages() {
        FilterRegistrationBean<EngineRefusalMessages> registration = new FilterRegistrationBean<>(
                new EngineRefusalMessages());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    ResourceConfigCustomizer refusedStartsAreBadRequests() {
        return config -> config.register(RefusedStart.class).register(MissingValue.class);
    }

    /**
     * The engine's "x is null" ({@link NullValueException}) means the request left out a value it needs
     * (an operator's {@code fetchAndLock} without {@code workerId}, …): the client's fault, a 400, not a 500.
     */
    @Priority(Priorities.USER - 100)
    static class MissingValue implements ExceptionMapper<NullValueException> {

        @Override
        public Response toResponse(NullValueException e) {
            return ExceptionHandlerHelper.getInstance()
                    .getResponse(new InvalidRequestException(Response.Status.BAD_REQUEST, e, e.getMessage()));
        }
    }

    @Priority(Priorities.USER - 100)
    static class RefusedStart implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException e) {
            if (e.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
                    && e.getCause() instanceof BadUserRequestException refused) {
                return ExceptionHandlerHelper.getInstance()
                        .getResponse(new InvalidRequestException(Response.Status.BAD_REQUEST, refused, e.getMessage()));
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }
}
