package org.doudi.web;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /supervision}: the supervisors' page (static, under static/supervision/); {@code /rosters}: the roster upload
 * page (static/rosters/); {@code /warnings}: the monitoring's runs, warnings and watch list (static/warnings/);
 * {@code /reports}: the quarterly progress report (static/reports/); {@code /cases}: case search, {@code /cases/{n}}: the
 * case file (static/casefile/). List answers of the API also as XLSX
 * ({@link XlsxMessageConverter}).
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    private final Clock clock;

    PagesConfig(Clock clock) {
        this.clock = clock;
    }

    /** List answers as XLSX when asked for by name; after Jackson, so that JSON stays the default. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new XlsxMessageConverter(clock));
    }

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
        // 登录: the webapps' login for Doudi's pages (static/login/).
        registry.addViewController("/login").setViewName("forward:/login/index.html");
        // 案件查询 and 案卷 (static/casefile/): /cases?q=… and /cases/{caseNumber}.
        registry.addViewController("/cases").setViewName("forward:/casefile/search.html");
        registry.addRedirectViewController("/cases/", "/cases");
        registry.addViewController("/cases/*").setViewName("forward:/casefile/case.html");
    }
}
