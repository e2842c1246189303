package dev.banyan.catalog.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Both applications under test, started once for the whole suite: legacy-monolith (demo data off) and
 * catalog-service, each from its boot jar, each on its own throw-away database. Test classes receive it as a
 * parameter.
 */
final class CatalogApps implements AutoCloseable {

    final AppProcess monolith;
    final AppProcess service;

    private CatalogApps(AppProcess monolith, AppProcess service) {
        this.monolith = monolith;
        this.service = service;
    }

    static CatalogApps start() {
        Path logs = Path.of(property("banyan.contract.logs", "target/app-logs"));
        Path monolithJar =
                Path.of(property("banyan.contract.monolith-jar", "../../legacy-monolith/target/legacy-monolith.jar"));
        Path serviceJar = Path.of(
                property("banyan.contract.catalog-service-jar", "../catalog-service/target/catalog-service.jar"));
        CompletableFuture<AppProcess> monolith = CompletableFuture.supplyAsync(() -> AppProcess.start(
                "legacy-monolith", monolithJar, "monolith", logs, List.of("--banyan.demo.enabled=false")));
        CompletableFuture<AppProcess> service = CompletableFuture.supplyAsync(
                () -> AppProcess.start("catalog-service", serviceJar, "catalog", logs, List.of()));
        try {
            CatalogApps apps = new CatalogApps(monolith.join(), service.join());
            // Normally JUnit closes the pair at the end of the run; if the test JVM is stopped instead, do not leave
            // two applications and their PostgreSQL servers behind.
            Runtime.getRuntime().addShutdownHook(new Thread(apps::close, "stop-catalog-apps"));
            return apps;
        } catch (RuntimeException e) {
            monolith.thenAccept(AppProcess::close);
            service.thenAccept(AppProcess::close);
            throw e;
        }
    }

    private static String property(String name, String defaultValue) {
        return System.getProperty(name, defaultValue);
    }

    @Override
    public void close() {
        try {
            monolith.close();
        } finally {
            service.close();
        }
    }

    /** Starts the pair on first use and stops it when the whole test run ends. */
    static final class Extension implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            apps(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CatalogApps.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return apps(context);
        }

        private static CatalogApps apps(ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(CatalogApps.class, key -> CatalogApps.start(), CatalogApps.class);
        }
    }
}
