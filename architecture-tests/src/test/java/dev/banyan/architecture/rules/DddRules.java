package dev.banyan.architecture.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.banyan.architecture.boundary.DddAnalyzer;
import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.bytecode.ClassIndex;
import dev.banyan.architecture.bytecode.ClassModel;
import dev.banyan.architecture.bytecode.ClassScanner;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The jMolecules DDD rules as ArchUnit rules: aggregates reference each other only by identifier (or
 * {@code Association}), entities are used only inside the aggregate they are declared for, annotated entities and
 * aggregates declare an identity, and value objects refer to no entity or aggregate.
 * <p>
 * They run the boundary-check CLI's own implementation on the class files ArchUnit imported, so that the rules here and
 * the CLI's {@code ddd} findings can never disagree. jMolecules types and annotations are recognised by name: the
 * checked classes need not be loadable (Spring Boot modules' classes are not on this module's class path, which is why
 * jmolecules-archunit's reflective rules are not used).
 */
public final class DddRules {

    private DddRules() {}

    public static ArchRule aggregatesReferenceEachOtherOnlyByIdentifier() {
        return rule(
                FindingKind.DDD_AGGREGATE_REFERENCE, "reference other aggregates only by identifier or Association");
    }

    public static ArchRule entitiesAreUsedOnlyInTheirOwnAggregate() {
        return rule(FindingKind.DDD_FOREIGN_ENTITY, "use entities of their own aggregate only");
    }

    public static ArchRule annotatedEntitiesAndAggregatesDeclareAnIdentity() {
        return rule(
                FindingKind.DDD_MISSING_IDENTITY, "declare an @Identity when annotated as entity or aggregate root");
    }

    public static ArchRule valueObjectsReferToNoEntityOrAggregate() {
        return rule(FindingKind.DDD_VALUE_OBJECT_REFERENCE, "as value objects, refer to no entity or aggregate");
    }

    public static List<ArchRule> all() {
        return List.of(
                aggregatesReferenceEachOtherOnlyByIdentifier(),
                entitiesAreUsedOnlyInTheirOwnAggregate(),
                annotatedEntitiesAndAggregatesDeclareAnIdentity(),
                valueObjectsReferToNoEntityOrAggregate());
    }

    private static ArchRule rule(FindingKind kind, String description) {
        return classes()
                .should(new ArchCondition<JavaClass>(description) {

                    private ClassIndex index;

                    @Override
                    public void init(Collection<JavaClass> allClasses) {
                        List<ClassModel> models = new ArrayList<>();
                        for (JavaClass javaClass : allClasses) {
                            javaClass
                                    .getSource()
                                    .map(source -> read(javaClass, source))
                                    .ifPresent(models::add);
                        }
                        index = new ClassIndex(models);
                    }

                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        ClassModel model = index.get(javaClass.getName());
                        if (model == null) {
                            return;
                        }
                        for (DddAnalyzer.Violation violation : DddAnalyzer.violationsOf(model, index)) {
                            if (violation.kind() == kind) {
                                String where = violation.member().isEmpty()
                                        ? javaClass.getName()
                                        : javaClass.getName() + "." + violation.member();
                                events.add(SimpleConditionEvent.violated(
                                        javaClass,
                                        "<" + where + "> " + violation.message() + " in (" + model.sourceFile() + ")"));
                            }
                        }
                    }
                })
                .because("jMolecules DDD: " + kind.title());
    }

    private static ClassModel read(JavaClass javaClass, Source source) {
        URI uri = source.getUri();
        try (InputStream in = uri.toURL().openStream()) {
            return ClassScanner.scan(in.readAllBytes(), (origin, target) -> false);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the class file of " + javaClass.getName() + " at " + uri, ex);
        }
    }
}
