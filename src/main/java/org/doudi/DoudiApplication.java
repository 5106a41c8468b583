package org.doudi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Doudi (兜底): rural social assistance case handling on Camunda 7. Each package below this one is an
 * application module (its {@code package-info.java} says what it owns and which modules it may use);
 * {@code architecture.ModularityTest} verifies them.
 */
@SpringBootApplication
@Modulithic(systemName = "Doudi", sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class DoudiApplication {

    public static void main(String[] args) {
        SpringApplication.run(DoudiApplication.class, args);
    }
}
