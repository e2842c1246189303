package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No package cycles in any module, this one included: every module the rules read (a new entry of {@link BanyanModule}
 * is checked without further ado). The rehearsal and event-contracts are left out only because each is a single package
 * (and architecture-tests does not depend on the rehearsal).
 */
class PackageCyclesTests {

    @ParameterizedTest
    @EnumSource(
            value = BanyanModule.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"REHEARSAL", "EVENT_CONTRACTS"})
    void moduleHasNoPackageCycles(BanyanModule module) {
        PackageRules.packagesAreFreeOfCycles(module.basePackage()).check(BanyanClasses.of(module));
    }

    @Test
    void boundaryCheckHasNoPackageCycles() {
        PackageRules.packagesAreFreeOfCycles("dev.banyan.architecture")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.banyan.architecture"));
    }

    @Test
    void aPackageCycleFailsNamingBothPackagesAndTheClasses() {
        assertThatThrownBy(() ->
                        PackageRules.packagesAreFreeOfCycles(RuleFixtures.ROOT).check(RuleFixtures.of("contexts")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("package '" + RuleFixtures.ROOT + ".contexts.ordering'")
                .hasMessageContaining("package '" + RuleFixtures.ROOT + ".contexts.payment'")
                .hasMessageContaining(RuleFixtures.ROOT + ".contexts.ordering.OrderDesk")
                .hasMessageContaining(RuleFixtures.ROOT + ".contexts.payment.PaymentApi");
    }
}
