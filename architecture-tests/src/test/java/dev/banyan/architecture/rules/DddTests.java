package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The jMolecules DDD rules hold in every module with a domain model: aggregates reference each other only by
 * identifier, entities stay inside their aggregate, identities are declared, value objects hold no entities.
 */
class DddTests {

    @ParameterizedTest
    @EnumSource(
            value = BanyanModule.class,
            names = {"LEGACY_MONOLITH", "CATALOG_SERVICE", "DELIVERY_SERVICE"})
    void aggregatesReferenceEachOtherOnlyByIdentifier(BanyanModule module) {
        DddRules.aggregatesReferenceEachOtherOnlyByIdentifier().check(BanyanClasses.of(module));
    }

    @ParameterizedTest
    @EnumSource(
            value = BanyanModule.class,
            names = {"LEGACY_MONOLITH", "CATALOG_SERVICE", "DELIVERY_SERVICE"})
    void allJMoleculesDddRulesHold(BanyanModule module) {
        JavaClasses classes = BanyanClasses.of(module);
        for (ArchRule rule : DddRules.all()) {
            rule.check(classes);
        }
    }
}
