package dev.banyan.monolith;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The legacy food-delivery monolith: one deployable, one database, five bounded contexts
 * ({@code catalog}, {@code customer}, {@code ordering}, {@code payment}, {@code delivery}), each a top-level package.
 */
@SpringBootApplication
@Modulithic(systemName = "Banyan legacy monolith", sharedModules = "shared")
@EnableAsync
@EnableScheduling
public class MonolithApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonolithApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
