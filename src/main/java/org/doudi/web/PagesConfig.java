package org.doudi.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /supervision}: the supervisors' page (static, under static/supervision/). */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/supervision", "/supervision/");
        registry.addViewController("/supervision/").setViewName("forward:/supervision/index.html");
    }
}
