package dev.banyan.architecture.rules;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static dev.banyan.architecture.rules.BanyanModule.LEGACY_MONOLITH;

/**
 * The legacy monolith's bounded contexts use each other only through their API packages and domain events, and have
 * no cycles between them.
 */
class MonolithBoundariesTests {

    static final String ROOT = LEGACY_MONOLITH.basePackage();
    static final Set<String> CONTEXTS = Set.of("catalog", "customer", "ordering", "payment", "delivery");
    static final String SHARED_KERNEL = "shared";
    /** Application code on top of the contexts: bootstrap lives in the root package, demo data in its own package. */
    static final Set<String> APPLICATION_PACKAGES = Set.of("demo");

    @Test
    void contextsUseEachOtherOnlyThroughTheirApiAndDomainEvents() {
        ContextRules.contextsUseEachOtherOnlyThroughApiAndEvents(ROOT, CONTEXTS).check(monolith());
    }

    @Test
    void contextsHaveNoCycles() {
        ContextRules.contextsAreFreeOfCycles(ROOT).check(monolith());
    }

    @Test
    void sharedKernelDependsOnNoContext() {
        ContextRules.sharedKernelDependsOnNoContext(ROOT, SHARED_KERNEL, CONTEXTS)
                .check(monolith());
    }

    @Test
    void everyTopLevelPackageIsADeclaredContext() {
        ContextRules.everyTopLevelPackageIsADeclaredContext(ROOT, SHARED_KERNEL, CONTEXTS, APPLICATION_PACKAGES)
                .check(monolith());
    }

    @Test
    void contextsDependOnNoApplicationPackage() {
        ContextRules.contextsDependOnNoApplicationPackage(ROOT, SHARED_KERNEL, CONTEXTS, APPLICATION_PACKAGES)
                .check(monolith());
    }

    private static JavaClasses monolith() {
        return BanyanClasses.of(LEGACY_MONOLITH);
    }
}
