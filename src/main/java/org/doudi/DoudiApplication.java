package org.doudi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Doudi (兜底): rural social assistance case handling on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DoudiApplication {

    public static void main(String[] args) {
        SpringApplication.run(DoudiApplication.class, args);
    }
}
