package org.doudi.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The trail's parts, and the two filters that record {@code /api} requests. The recording filter runs
 * before Spring Security's chain, so that it sees the requests the chain refuses (401); the capture
 * filter runs inside it, after authentication, to note who the user was (the chain clears its context
 * on the way out).
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    AuditMacs auditMacs(AuditProperties properties) {
        return AuditKeys.load(properties);
    }

    @Bean
    AuditChain auditChain(DataSource dataSource, PlatformTransactionManager transactions, AuditMacs macs,
            AuditProperties properties) {
        // Wall time, not the application's Clock: that one follows the engine clock, which demos and tests
        // move forward, and an audit entry says when something really happened.
        return new AuditChain(dataSource, transactions, macs, Clock.systemUTC(), properties.chainBatchSize());
    }

    @Bean
    FilterRegistrationBean<ApiAuditFilter> apiAuditFilter(AuditTrail trail, JdbcTemplate jdbc) {
        FilterRegistrationBean<ApiAuditFilter> registration = new FilterRegistrationBean<>(
                new ApiAuditFilter(trail, jdbc));
        registration.setName("doudi-api-audit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuditFilter.ActorCapture> apiAuditActorCapture() {
        FilterRegistrationBean<ApiAuditFilter.ActorCapture> registration = new FilterRegistrationBean<>(
                new ApiAuditFilter.ActorCapture());
        registration.setName("doudi-api-audit-actor");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
