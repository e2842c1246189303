package dev.banyan.architecture.rules;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each context rule fails on fixture classes that violate it, naming the offending class.
 */
class ContextRulesFixtureTests {

    static final String ROOT = RuleFixtures.ROOT + ".contexts";
    static final Set<String> CONTEXTS = Set.of("catalog", "ordering", "payment");
    static final Set<String> APPLICATION = Set.of("demo");
    static final JavaClasses FIXTURES = RuleFixtures.of("contexts");

    @Test
    void useOfAnotherContextsInternalsFailsNamingTheClass() {
        assertThatThrownBy(() -> ContextRules.contextsUseEachOtherOnlyThroughApiAndEvents(ROOT, CONTEXTS)
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("context 'ordering' uses " + ROOT
                        + ".catalog.internal.MenuRepository, which is internal to context 'catalog'")
                .hasMessageContaining("Method <" + ROOT + ".ordering.OrderDesk.place(java.lang.String)> calls method <"
                        + ROOT + ".catalog.internal.MenuRepository.lookUp(java.lang.String)> in (OrderDesk.java:20)")
                // the API and domain events of another context are fine
                .message()
                .doesNotContain("uses " + ROOT + ".catalog.CatalogApi")
                .doesNotContain("MenuChanged,");
    }

    @Test
    void aCycleBetweenContextsFailsNamingTheClassesOnIt() {
        assertThatThrownBy(() -> ContextRules.contextsAreFreeOfCycles(ROOT).check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: context 'ordering' -> ")
                .hasMessageContaining("1. Dependencies of context 'ordering'")
                .hasMessageContaining("2. Dependencies of context 'payment'")
                .hasMessageContaining(ROOT + ".ordering.OrderDesk")
                .hasMessageContaining(ROOT + ".payment.PaymentApi");
    }

    @Test
    void aSharedKernelThatUsesAContextFailsNamingTheClass() {
        assertThatThrownBy(() -> ContextRules.sharedKernelDependsOnNoContext(ROOT, "shared", CONTEXTS)
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ROOT + ".shared.Money")
                .hasMessageContaining(ROOT + ".ordering.OrderId");
    }

    @Test
    void anUndeclaredTopLevelPackageFailsNamingTheClass() {
        assertThatThrownBy(
                        () -> ContextRules.everyTopLevelPackageIsADeclaredContext(ROOT, "shared", CONTEXTS, APPLICATION)
                                .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Class <" + ROOT + ".reporting.SalesReport> does not reside in any package")
                .message()
                .doesNotContain("OrderDesk>")
                .doesNotContain("DemoLoader>");
    }

    @Test
    void applicationCodeThatUsesAContextsInternalsFailsNamingTheClass() {
        assertThatThrownBy(() -> ContextRules.contextsUseEachOtherOnlyThroughApiAndEvents(ROOT, CONTEXTS)
                        .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("application package " + ROOT + ".demo uses " + ROOT
                        + ".catalog.internal.MenuRepository, which is internal to context 'catalog'")
                .hasMessageContaining("Method <" + ROOT + ".demo.DemoLoader.load()>");
    }

    @Test
    void aContextThatDependsOnApplicationCodeFailsNamingTheClass() {
        assertThatThrownBy(
                        () -> ContextRules.contextsDependOnNoApplicationPackage(ROOT, "shared", CONTEXTS, APPLICATION)
                                .check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Field <" + ROOT + ".catalog.internal.MenuSeeder.loader> has type <" + ROOT
                        + ".demo.DemoLoader>")
                .message()
                .doesNotContain("OrderDesk");
    }
}
