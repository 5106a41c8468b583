package org.doudi.gateway;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.doudi.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the guard in front of both ways into the engine API, and the cross-site check in front of
 * {@code /api}. Both run before anything else of ours (the webapps' own filters included), so that no
 * request reaches the engine unexamined.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfig {

    /** Before the webapps' filters and Spring Security's chain (order -100). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    @Bean
    OriginCheck originCheck(@Value("${doudi.security.allowed-origins:}") List<String> allowedOrigins) {
        return new OriginCheck(allowedOrigins.stream().filter(o -> !o.isBlank()).toList());
    }

    @Bean
    FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identity, TaskService tasks,
            RuntimeService runtime, ManagementService management, FormFields formFields, StartForms startForms,
            OwnTasks ownTasks, AuditTrail audit, OriginCheck origins) {
        FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(new EngineApiGuard(identity,
                tasks, runtime, management, formFields, startForms, ownTasks, audit, origins));
        registration.setName("doudi-engine-api-guard");
        registration.addUrlPatterns(EnginePath.REST_PREFIX + "/*", EnginePath.WEBAPP_PREFIX + "/*");
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiOriginFilter> apiOriginFilter(OriginCheck origins, AuditTrail audit) {
        FilterRegistrationBean<ApiOriginFilter> registration = new FilterRegistrationBean<>(
                new ApiOriginFilter(origins, audit));
        registration.setName("doudi-api-origin-check");
        registration.addUrlPatterns("/api/*", "/supervision", "/supervision/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
