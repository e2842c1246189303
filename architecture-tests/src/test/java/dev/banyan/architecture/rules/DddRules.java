package dev.banyan.architecture.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.banyan.architecture.boundary.DddAnalyzer;
import dev.banyan.architecture.boundary.FindingKind;

/**
 * The jMolecules DDD rules as ArchUnit rules, on byte code only: aggregates reference each other only by identifier
 * (or {@code Association}), entities are used only inside the aggregate they are declared for, annotated entities and
 * aggregates declare an identity, and value objects refer to no entity or aggregate. jMolecules types and annotations
 * are recognised by name, so the checked classes need not be loadable (Spring Boot modules' classes are not on this
 * module's class path). The boundary-check CLI runs the same implementation.
 */
public final class DddRules {

    private DddRules() {
    }

    public static ArchRule aggregatesReferenceEachOtherOnlyByIdentifier() {
        return rule(FindingKind.DDD_AGGREGATE_REFERENCE, "reference other aggregates only by identifier or Association");
    }

    public static ArchRule entitiesAreUsedOnlyInTheirOwnAggregate() {
        return rule(FindingKind.DDD_FOREIGN_ENTITY, "use entities of their own aggregate only");
    }

    public static ArchRule annotatedEntitiesAndAggregatesDeclareAnIdentity() {
        return rule(FindingKind.DDD_MISSING_IDENTITY, "declare an @Identity when annotated as entity or aggregate root");
    }

    public static ArchRule valueObjectsReferToNoEntityOrAggregate() {
        return rule(FindingKind.DDD_VALUE_OBJECT_REFERENCE, "as value objects, refer to no entity or aggregate");
    }

    public static List<ArchRule> all() {
        return List.of(aggregatesReferenceEachOtherOnlyByIdentifier(), entitiesAreUsedOnlyInTheirOwnAggregate(),
                annotatedEntitiesAndAggregatesDeclareAnIdentity(), valueObjectsReferToNoEntityOrAggregate());
    }

    private static ArchRule rule(FindingKind kind, String description) {
        return classes().should(new ArchCondition<JavaClass>(description) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (DddAnalyzer.Violation violation : DddAnalyzer.violationsOf(javaClass)) {
                    if (violation.kind() == kind) {
                        String where = violation.member().isEmpty() ? javaClass.getName() : javaClass.getName() + "." + violation.member();
                        events.add(SimpleConditionEvent.violated(javaClass, "<" + where + "> " + violation.message() + " in ("
                                + javaClass.getSource().flatMap(source -> source.getFileName()).orElse(javaClass.getSimpleName()) + ")"));
                    }
                }
            }
        }).because("jMolecules DDD: " + kind.title()).allowEmptyShould(false);
    }

    static List<FindingKind> kinds() {
        return Arrays.stream(FindingKind.values()).filter(kind -> kind.id().startsWith("ddd-")).toList();
    }
}
