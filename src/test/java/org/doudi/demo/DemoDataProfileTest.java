package org.doudi.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the demo accounts (password {@code demo}) are loaded, read from the real configuration files as
 * the application reads them: never in the {@code mysql} profile unless {@code DOUDI_DEMO=true}.
 */
class DemoDataProfileTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    /**
     * Starts an empty application with these arguments and the real configuration files, offering it the demo
     * loader (whose other beans it lacks: a loader that its condition lets in fails the start).
     *
     * @return the {@code doudi.demo} setting, and whether the loader was made
     */
    static Start start(boolean offerLoader, String... args) {
        SpringApplicationBuilder builder = offerLoader ? new SpringApplicationBuilder(Nothing.class, DemoData.class)
                : new SpringApplicationBuilder(Nothing.class);
        try (ConfigurableApplicationContext context = builder.web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            return new Start(context.getEnvironment().getProperty("doudi.demo", Boolean.class),
                    context.getBeanNamesForType(DemoData.class).length > 0);
        }
    }

    record Start(Boolean demo, boolean loaderPresent) {
    }

    @Test
    void theMysqlProfileLoadsNoDemoAccounts() {
        assumeTrue(System.getenv("DOUDI_DEMO") == null, "DOUDI_DEMO is set in this environment");
        // The command line outranks the test run's own spring.profiles.active (test, mysqltest).
        Start start = start(true, "--spring.profiles.active=mysql");

        assertThat(start.demo()).isFalse();
        assertThat(start.loaderPresent()).isFalse();
    }

    @Test
    void theMysqlProfileLoadsThemOnlyWhenAskedTo() {
        assertThat(start(false, "--spring.profiles.active=mysql", "--DOUDI_DEMO=true").demo()).isTrue();
    }

    @Test
    void theEmbeddedDefaultLoadsThem() {
        assumeTrue(System.getenv("DOUDI_DEMO") == null, "DOUDI_DEMO is set in this environment");
        assertThat(start(false, "--spring.profiles.active=default").demo()).isTrue();
    }
}
