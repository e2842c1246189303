package dev.banyan.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The catalog context extracted from the monolith. It owns its database and serves the monolith's catalog HTTP
 * contract unchanged, so the strangler proxy can route catalog traffic here without any client noticing.
 */
@SpringBootApplication
public class CatalogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogServiceApplication.class, args);
    }
}
