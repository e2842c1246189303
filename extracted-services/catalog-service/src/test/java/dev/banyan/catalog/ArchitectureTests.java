package dev.banyan.catalog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service stands alone: no monolith code, and a domain model free of Spring, JDBC and HTTP. */
class ArchitectureTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.banyan.catalog");

    static final ArchRule NO_MONOLITH_CODE = noClasses()
            .that()
            .resideInAPackage("dev.banyan.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.banyan.monolith..")
            .because("the catalog-service must not depend on legacy-monolith at compile time");

    static final ArchRule PURE_DOMAIN = noClasses()
            .that()
            .resideInAPackage("dev.banyan.catalog.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "jakarta.servlet..",
                    "tools.jackson..",
                    "dev.banyan.catalog.web..",
                    "dev.banyan.catalog.persistence..",
                    "dev.banyan.catalog.application..");

    static final ArchRule WEB_DOES_NOT_TOUCH_TABLES = noClasses()
            .that()
            .resideInAPackage("dev.banyan.catalog.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.banyan.catalog.persistence..", "org.springframework.jdbc..");

    @Test
    void serviceHasNoCompileTimeDependencyOnTheMonolith() {
        NO_MONOLITH_CODE.check(SERVICE);
    }

    @Test
    void domainModelDependsOnNoFrameworkAndNoOuterLayer() {
        PURE_DOMAIN.check(SERVICE);
    }

    @Test
    void webLayerReachesTheDatabaseOnlyThroughTheUseCases() {
        WEB_DOES_NOT_TOUCH_TABLES.check(SERVICE);
    }

    @Test
    void everyRuleCatchesAViolatingFixtureAndNamesIt() {
        assertThatThrownBy(() -> NO_MONOLITH_CODE.check(fixtures("dev.banyan.catalog.fixture")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MonolithDependentFixture");
        assertThatThrownBy(() -> PURE_DOMAIN.check(fixtures("dev.banyan.catalog.domain.fixture")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDomainFixture");
        assertThatThrownBy(() -> WEB_DOES_NOT_TOUCH_TABLES.check(fixtures("dev.banyan.catalog.web.fixture")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("WebWithJdbcFixture");
    }

    private static JavaClasses fixtures(String pkg) {
        JavaClasses classes = new ClassFileImporter().importPackages(pkg);
        assertThat(classes).isNotEmpty();
        return classes;
    }
}
