package org.followuptracker.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web app for coordinators and readers: pages rendered on the server, one address. Every fact it records goes to
 * command-service and every view comes from query-service, as the signed-in user; it stores nothing itself.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebAppApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebAppApplication.class, args);
    }
}
