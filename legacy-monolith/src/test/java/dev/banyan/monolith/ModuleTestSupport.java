package dev.banyan.monolith;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What an {@code @ApplicationModuleTest} needs from the application's root package, which Spring Modulith leaves
 * out when it bootstraps only some modules: the per-context Flyway migrations.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PerContextFlywayMigrations.class)
public class ModuleTestSupport {

    /** An ephemeral embedded PostgreSQL on a free port per test class, without demo data. */
    public static final String EPHEMERAL_DATABASE = "banyan.embedded-db.ephemeral=true";

    public static final String FREE_PORT = "banyan.embedded-db.port=0";
    public static final String NO_DEMO_DATA = "banyan.demo.enabled=false";
}
