package dev.banyan.architecture.rules;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static dev.banyan.architecture.rules.BanyanModule.CATALOG_SERVICE;
import static dev.banyan.architecture.rules.BanyanModule.CDC_BRIDGE;
import static dev.banyan.architecture.rules.BanyanModule.DELIVERY_SERVICE;
import static dev.banyan.architecture.rules.BanyanModule.LEGACY_MONOLITH;
import static dev.banyan.architecture.rules.BanyanModule.REHEARSAL;
import static dev.banyan.architecture.rules.BanyanModule.STRANGLER_PROXY;

/**
 * The components of the migration share no domain code: extracted services and the monolith do not use each other's
 * code, and the proxy and the CDC bridge use no domain code at all.
 */
class ComponentIsolationTests {

    /** Modules that hold a domain model. Add every new extracted service here. */
    static final BanyanModule[] EXTRACTED_SERVICES = {CATALOG_SERVICE, DELIVERY_SERVICE};

    /** Infrastructure: may use each other's code but no domain code. */
    static final String JMOLECULES_DDD = "org.jmolecules.ddd..";

    @Test
    void extractedServicesDependOnNoMonolithCode() {
        for (BanyanModule service : EXTRACTED_SERVICES) {
            String[] forbidden = Stream.concat(
                            Stream.of(LEGACY_MONOLITH.packages()),
                            Arrays.stream(EXTRACTED_SERVICES)
                                    .filter(other -> other != service)
                                    .map(BanyanModule::packages))
                    .toArray(String[]::new);
            IsolationRules.componentDependsOnNoneOf(
                            service.directory(),
                            service.packages(),
                            "an extracted service owns its code and data; it talks to the monolith over HTTP, CDC and events only",
                            forbidden)
                    .check(BanyanClasses.of(service));
        }
    }

    @Test
    void monolithDependsOnNoExtractedServiceOrMigrationComponent() {
        String[] forbidden = Stream.concat(
                        Arrays.stream(EXTRACTED_SERVICES).map(BanyanModule::packages),
                        Stream.of(
                                STRANGLER_PROXY.packages(),
                                CDC_BRIDGE.packages(),
                                REHEARSAL.packages(),
                                "dev.banyan.architecture.."))
                .toArray(String[]::new);
        IsolationRules.componentDependsOnNoneOf(
                        LEGACY_MONOLITH.directory(),
                        LEGACY_MONOLITH.packages(),
                        "the monolith must keep running unchanged while parts of it are strangled",
                        forbidden)
                .check(BanyanClasses.of(LEGACY_MONOLITH));
    }

    @Test
    void stranglerProxyDependsOnNoDomainCode() {
        infrastructureDependsOnNoDomainCode(
                STRANGLER_PROXY, "the proxy routes HTTP by configuration and must not know any domain");
    }

    @Test
    void cdcBridgeDependsOnNoDomainCode() {
        infrastructureDependsOnNoDomainCode(
                CDC_BRIDGE, "the bridge moves rows by configuration and must not know any domain");
    }

    private static void infrastructureDependsOnNoDomainCode(BanyanModule module, String reason) {
        String[] forbidden = Stream.concat(
                        Stream.of(LEGACY_MONOLITH.packages(), JMOLECULES_DDD),
                        Arrays.stream(EXTRACTED_SERVICES).map(BanyanModule::packages))
                .toArray(String[]::new);
        IsolationRules.componentDependsOnNoneOf(module.directory(), module.packages(), reason, forbidden)
                .check(BanyanClasses.of(module));
    }
}
