package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every package of every module, and of the boundary-check tool itself, is JSpecify {@code @NullMarked}: a type is
 * non-null unless it says {@code @Nullable}. A new entry of {@link BanyanModule} is checked without further ado.
 */
class NullMarkedPackagesTests {

    @ParameterizedTest
    @EnumSource(BanyanModule.class)
    void everyPackageOfTheModuleIsNullMarked(BanyanModule module) {
        PackageRules.packagesAreNullMarked().check(BanyanClasses.of(module));
    }

    @Test
    void everyPackageOfTheBoundaryCheckIsNullMarked() {
        PackageRules.packagesAreNullMarked()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.banyan.architecture"));
    }

    @Test
    void aPackageWithoutNullMarkedFailsNamingThePackageOnce() {
        String unmarked = RuleFixtures.ROOT + ".nullness.unmarked";
        assertThatThrownBy(() -> PackageRules.packagesAreNullMarked().check(RuleFixtures.of("nullness")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("(1 times)")
                .hasMessageContaining("package " + unmarked + " is not @NullMarked")
                .hasMessageContaining(unmarked + ".")
                .hasMessageNotContaining(RuleFixtures.ROOT + ".nullness.marked");
    }

    @Test
    void aNullMarkedPackagePasses() {
        assertThatCode(() -> PackageRules.packagesAreNullMarked().check(RuleFixtures.of("nullness.marked")))
                .doesNotThrowAnyException();
    }
}
