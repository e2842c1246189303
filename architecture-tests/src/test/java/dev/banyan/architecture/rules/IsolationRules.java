package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Isolation between the components of a strangler-fig migration.
 */
public final class IsolationRules {

    private IsolationRules() {}

    /**
     * The component's code depends on none of the given packages.
     *
     * @param component a name for messages, e.g. {@code "catalog-service"}
     * @param packages  the component's packages, e.g. {@code dev.banyan.catalog..}
     * @param reason    why, for the failure message
     * @param forbidden the packages it must not use
     */
    public static ArchRule componentDependsOnNoneOf(
            String component, String packages, String reason, String... forbidden) {
        return noClasses()
                .that(JavaClass.Predicates.resideInAPackage(packages)
                        .as("belong to " + component + " (" + packages + ")"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .because(reason);
    }
}
