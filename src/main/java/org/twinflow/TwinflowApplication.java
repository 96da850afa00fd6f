package org.twinflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TwinflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(TwinflowApplication.class, args);
    }
}
