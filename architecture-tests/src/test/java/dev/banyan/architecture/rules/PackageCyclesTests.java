package dev.banyan.architecture.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * No package cycles in the modules that are free of them, this one included. The strangler-proxy and the cdc-bridge
 * still have cycles to take apart, and join this test once they do.
 */
class PackageCyclesTests {

    @ParameterizedTest
    @EnumSource(value = BanyanModule.class, names = { "LEGACY_MONOLITH", "CATALOG_SERVICE", "EMBEDDED_POSTGRES", "CDC_BRIDGE" })
    void moduleHasNoPackageCycles(BanyanModule module) {
        PackageRules.packagesAreFreeOfCycles(module.basePackage()).check(BanyanClasses.of(module));
    }

    @Test
    void boundaryCheckHasNoPackageCycles() {
        PackageRules.packagesAreFreeOfCycles("dev.banyan.architecture")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.banyan.architecture"));
    }

    @Test
    void aPackageCycleFailsNamingBothPackagesAndTheClasses() {
        assertThatThrownBy(() -> PackageRules.packagesAreFreeOfCycles(RuleFixtures.ROOT).check(RuleFixtures.of("contexts")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package '" + RuleFixtures.ROOT + ".contexts.ordering'")
                .hasMessageContaining("package '" + RuleFixtures.ROOT + ".contexts.payment'")
                .hasMessageContaining(RuleFixtures.ROOT + ".contexts.ordering.OrderDesk")
                .hasMessageContaining(RuleFixtures.ROOT + ".contexts.payment.PaymentApi");
    }
}
