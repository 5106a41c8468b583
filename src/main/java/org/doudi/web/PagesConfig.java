package org.doudi.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /supervision}: the supervisors' page (static, under static/supervision/); {@code /rosters}: the roster upload
 * page (static/rosters/); {@code /warnings}: the monitoring's runs, warnings and watch list (static/warnings/);
 * {@code /reports}: the quarterly progress report (static/reports/).
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/supervision", "/supervision/");
        registry.addViewController("/supervision/").setViewName("forward:/supervision/index.html");
        registry.addRedirectViewController("/rosters", "/rosters/");
        registry.addViewController("/rosters/").setViewName("forward:/rosters/index.html");
        registry.addRedirectViewController("/warnings", "/warnings/");
        registry.addViewController("/warnings/").setViewName("forward:/warnings/index.html");
        registry.addRedirectViewController("/reports", "/reports/");
        registry.addViewController("/reports/").setViewName("forward:/reports/index.html");
    }
}
