package dev.banyan.architecture.rules;

import org.junit.jupiter.api.Test;

import static dev.banyan.architecture.rules.BanyanModule.CATALOG_SERVICE;
import static dev.banyan.architecture.rules.BanyanModule.DELIVERY_SERVICE;
import static dev.banyan.architecture.rules.BanyanModule.LEGACY_MONOLITH;

/**
 * Domain code is free of web and persistence frameworks: the domain packages, the monolith contexts' API packages and
 * every jMolecules aggregate, entity, value object and event.
 */
class DomainPurityTests {

    @Test
    void monolithDomainIsFreeOfWebAndPersistence() {
        String root = LEGACY_MONOLITH.basePackage();
        String[] domain = MonolithBoundariesTests.CONTEXTS.stream()
                .flatMap(
                        context -> java.util.stream.Stream.of(root + "." + context, root + "." + context + ".domain.."))
                .toArray(String[]::new);
        DomainRules.domainIsFreeOfWebAndPersistence(domain).check(BanyanClasses.of(LEGACY_MONOLITH));
    }

    @Test
    void catalogServiceDomainIsFreeOfWebAndPersistence() {
        DomainRules.domainIsFreeOfWebAndPersistence(CATALOG_SERVICE.basePackage() + ".domain..")
                .check(BanyanClasses.of(CATALOG_SERVICE));
    }

    @Test
    void deliveryServiceDomainIsFreeOfWebAndPersistence() {
        DomainRules.domainIsFreeOfWebAndPersistence(DELIVERY_SERVICE.basePackage() + ".domain..")
                .check(BanyanClasses.of(DELIVERY_SERVICE));
    }
}
