package dev.banyan.cdc;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out path depends on this: mapping and apply logic must not know the embedded engine, so a Kafka Connect
 * sink task can feed the same {@code BatchApplier} with records from a Debezium source connector.
 */
class EngineIndependenceTests {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.banyan.cdc");

    static ArchRule applyKnowsNoEngine() {
        return noClasses()
                .that()
                .resideInAnyPackage("dev.banyan.cdc.apply..", "dev.banyan.cdc.config..", "dev.banyan.cdc.verify..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.debezium..", "org.apache.kafka..", "dev.banyan.cdc.engine..", "org.springframework..");
    }

    static ArchRule converterKnowsOnlyTheConnectDataApi() {
        return noClasses()
                .that()
                .resideInAPackage("dev.banyan.cdc.connect..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.debezium..",
                        "dev.banyan.cdc.engine..",
                        "org.apache.kafka.connect.runtime..",
                        "org.apache.kafka.connect.storage..");
    }

    @Test
    void applyConfigAndVerifyDoNotDependOnTheEngine() {
        applyKnowsNoEngine().check(PRODUCTION);
    }

    @Test
    void theConverterUsesOnlyTheKafkaConnectDataApi() {
        converterKnowsOnlyTheConnectDataApi().check(PRODUCTION);
    }

    @Test
    void theRuleCatchesAnApplyClassThatReachesIntoTheEngine() {
        JavaClasses violating = new ClassFileImporter().importClasses(dev.banyan.cdc.fixture.apply.LeakyApplier.class);
        EvaluationResult result = noClasses()
                .that()
                .resideInAnyPackage("..fixture.apply..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.debezium..")
                .evaluate(violating);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LeakyApplier");
    }
}
