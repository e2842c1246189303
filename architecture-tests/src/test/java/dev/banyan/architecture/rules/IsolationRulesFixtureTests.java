package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component isolation rules fail on fixture components that reach into each other, naming the offending class.
 */
class IsolationRulesFixtureTests {

    static final String ISOLATION = RuleFixtures.ROOT + ".isolation.";
    static final JavaClasses FIXTURES = RuleFixtures.of("isolation");

    @Test
    void anExtractedServiceThatUsesMonolithCodeFails() {
        assertThatThrownBy(() -> IsolationRules.componentDependsOnNoneOf(
                                "catalog-service",
                                ISOLATION + "service..",
                                "extracted services share no code",
                                ISOLATION + "monolith..")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no classes that belong to catalog-service (" + ISOLATION
                        + "service..) should depend on classes that reside in any package")
                .hasMessageContaining(
                        "Method <" + ISOLATION + "service.CatalogClient.copy(" + ISOLATION + "monolith.Restaurant)>");
    }

    @Test
    void aMonolithThatUsesAnExtractedServicesCodeFails() {
        assertThatThrownBy(() -> IsolationRules.componentDependsOnNoneOf(
                                "legacy-monolith",
                                ISOLATION + "monolith..",
                                "the monolith shares no code",
                                ISOLATION + "service..")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Field <" + ISOLATION + "monolith.Restaurant.client> has type <" + ISOLATION
                        + "service.CatalogClient>");
    }

    @Test
    void aProxyThatUsesDomainCodeFails() {
        assertThatThrownBy(() -> IsolationRules.componentDependsOnNoneOf(
                                "strangler-proxy",
                                ISOLATION + "proxy..",
                                "the proxy routes HTTP only",
                                ISOLATION + "monolith..",
                                ISOLATION + "service..",
                                "org.jmolecules.ddd..")
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Method <" + ISOLATION + "proxy.Route.keyOf(" + ISOLATION + "monolith.Restaurant)>")
                .hasMessageContaining(
                        "Method <" + ISOLATION
                                + "proxy.Route.isDomainId(java.lang.Object)> checks instanceof <org.jmolecules.ddd.types.Identifier>");
    }
}
