package dev.banyan.proxy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layering the README draws: a package depends only on packages in the rows above it. (That no two packages are
 * in a cycle is checked for every module by the architecture-tests module.)
 */
class PackageLayersTests {

    static ArchRule layered(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("config")
                .definedBy(root + ".config..")
                .layer("exchange")
                .definedBy(root + ".exchange..")
                .layer("metrics")
                .definedBy(root + ".metrics..")
                .layer("routing")
                .definedBy(root + ".routing..")
                .layer("forwarding")
                .definedBy(root + ".forwarding..")
                .layer("fallback")
                .definedBy(root + ".fallback..")
                .layer("reload")
                .definedBy(root + ".reload..")
                .layer("shadow")
                .definedBy(root + ".shadow..")
                .layer("events")
                .definedBy(root + ".events..")
                .layer("edge")
                .definedBy(root + ".edge..")
                .layer("admin")
                .definedBy(root + ".admin..")
                .whereLayer("config")
                .mayNotAccessAnyLayer()
                .whereLayer("exchange")
                .mayNotAccessAnyLayer()
                .whereLayer("metrics")
                .mayNotAccessAnyLayer()
                .whereLayer("routing")
                .mayOnlyAccessLayers("config", "exchange")
                .whereLayer("forwarding")
                .mayOnlyAccessLayers("config", "exchange")
                .whereLayer("fallback")
                .mayOnlyAccessLayers("config", "exchange", "metrics", "routing")
                .whereLayer("reload")
                .mayOnlyAccessLayers("config", "exchange", "metrics", "routing")
                .whereLayer("shadow")
                .mayOnlyAccessLayers("config", "exchange", "metrics", "routing", "forwarding", "fallback")
                .whereLayer("events")
                .mayOnlyAccessLayers("config", "exchange", "metrics", "routing", "reload")
                .whereLayer("edge")
                .mayOnlyAccessLayers(
                        "config", "exchange", "metrics", "routing", "forwarding", "fallback", "reload", "shadow")
                .because("the proxy's packages are layered by dependency, as its README draws them");
    }

    @Test
    void eachPackageDependsOnlyOnTheRowsAboveIt() {
        JavaClasses proxy = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.banyan.proxy");
        layered("dev.banyan.proxy").check(proxy);
    }

    @Test
    void aFileModelReachingIntoTheEdgeBreaksTheLayering() {
        String root = "dev.banyan.proxy.fixture.layers";
        JavaClasses fixture = new ClassFileImporter().importPackages(root);
        assertThatThrownBy(() -> layered(root).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(root + ".config.LeakyRoutesModel")
                .hasMessageContaining(root + ".edge.EdgeFilter");
    }
}
