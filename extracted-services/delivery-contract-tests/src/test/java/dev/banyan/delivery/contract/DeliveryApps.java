package dev.banyan.delivery.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Everything the suite runs, started once: a Kafka broker (the embedded-kafka module's, free port, throw-away
 * directory), legacy-monolith (demo data off) and delivery-service, each from its boot jar on its own throw-away
 * database, both pointed at that broker. Test classes receive it as a parameter.
 */
final class DeliveryApps implements AutoCloseable {

    final EmbeddedKafkaBroker kafka;
    final AppProcess monolith;
    final AppProcess service;

    private DeliveryApps(EmbeddedKafkaBroker kafka, AppProcess monolith, AppProcess service) {
        this.kafka = kafka;
        this.monolith = monolith;
        this.service = service;
    }

    static DeliveryApps start() {
        Path logs = Path.of(property("banyan.contract.logs", "target/app-logs"));
        Path monolithJar =
                Path.of(property("banyan.contract.monolith-jar", "../../legacy-monolith/target/legacy-monolith.jar"));
        Path serviceJar = Path.of(
                property("banyan.contract.delivery-service-jar", "../delivery-service/target/delivery-service.jar"));
        EmbeddedKafkaBroker kafka = startKafka();
        String bootstrap = "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers();
        CompletableFuture<AppProcess> monolith = CompletableFuture.supplyAsync(() -> AppProcess.start(
                "legacy-monolith", monolithJar, "monolith", logs, List.of("--banyan.demo.enabled=false", bootstrap)));
        CompletableFuture<AppProcess> service = CompletableFuture.supplyAsync(
                () -> AppProcess.start("delivery-service", serviceJar, "delivery", logs, List.of(bootstrap)));
        try {
            DeliveryApps apps = new DeliveryApps(kafka, monolith.join(), service.join());
            // If the test JVM is stopped instead of ending normally, leave no application or broker behind.
            Runtime.getRuntime().addShutdownHook(new Thread(apps::close, "stop-delivery-apps"));
            return apps;
        } catch (RuntimeException e) {
            monolith.thenAccept(AppProcess::close);
            service.thenAccept(AppProcess::close);
            kafka.close();
            throw e;
        }
    }

    private static EmbeddedKafkaBroker startKafka() {
        try {
            return EmbeddedKafkaBroker.start(
                    Files.createTempDirectory("delivery-contract-kafka-"),
                    0,
                    EmbeddedKafkaBroker.Options.defaults().withHeap("256m").withEphemeral(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name, String defaultValue) {
        return System.getProperty(name, defaultValue);
    }

    @Override
    public void close() {
        try {
            monolith.close();
            service.close();
        } finally {
            kafka.close();
        }
    }

    /** Starts everything on first use and stops it when the whole test run ends. */
    static final class Extension implements BeforeAllCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            apps(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DeliveryApps.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return apps(context);
        }

        private static DeliveryApps apps(ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(DeliveryApps.class, key -> DeliveryApps.start(), DeliveryApps.class);
        }
    }
}
