package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import dev.banyan.architecture.bytecode.ClassIndex;
import dev.banyan.architecture.bytecode.ClassModel;
import dev.banyan.architecture.bytecode.DependencyKind;
import dev.banyan.architecture.bytecode.FieldModel;

import org.jspecify.annotations.Nullable;

/**
 * The jMolecules DDD rules, applied where classes use jMolecules types ({@code org.jmolecules.ddd.types}) or annotations
 * ({@code org.jmolecules.ddd.annotation}, directly or as meta-annotation). Types are recognised by name, so jMolecules
 * need not be on the class path.
 * <ul>
 * <li>aggregates and entities reference other aggregates by identifier (or {@code Association}), never by object;</li>
 * <li>value objects do not refer to entities or aggregates;</li>
 * <li>an entity declared for one aggregate ({@code Entity<Order, LineId>}) is used only inside that aggregate;</li>
 * <li>annotated entities and aggregate roots declare an {@code @Identity}.</li>
 * </ul>
 */
public final class DddAnalyzer {

    private static final String ANNOTATIONS = "org.jmolecules.ddd.annotation.";
    private static final String TYPES = "org.jmolecules.ddd.types.";

    private final Function<String, @Nullable ContextDefinition> contexts;

    /**
     * @param contexts the context of a class, by class name ({@code null} outside every context)
     */
    public DddAnalyzer(Function<String, @Nullable ContextDefinition> contexts) {
        this.contexts = contexts;
    }

    /**
     * One violation of a DDD rule.
     *
     * @param kind    the rule
     * @param origin  the offending class
     * @param member  the offending field ({@code ""} for the class itself)
     * @param target  the class referenced ({@code null} where there is none)
     * @param field   the offending field ({@code null} for the class itself)
     * @param message a sentence naming the class, the member and what to do instead
     */
    public record Violation(
            FindingKind kind,
            ClassModel origin,
            String member,
            @Nullable String target,
            @Nullable FieldModel field,
            String message) {}

    public List<Finding> analyze(ClassIndex classes) {
        List<Finding> findings = new ArrayList<>();
        for (ClassModel model : classes.classes()) {
            ContextDefinition context = contexts.apply(model.name());
            if (context == null) {
                continue;
            }
            for (Violation violation : violationsOf(model, classes)) {
                findings.add(toFinding(context, violation));
            }
        }
        return findings;
    }

    /**
     * The DDD rule violations of one class; empty for classes that are no jMolecules entity, aggregate or value object.
     */
    public static List<Violation> violationsOf(ClassModel model, ClassIndex classes) {
        String name = model.name();
        boolean aggregate = isAggregateRoot(name, classes);
        boolean entity = aggregate || isEntity(name, classes);
        boolean valueObject = !entity && isValueObject(name, classes);
        if (!entity && !valueObject) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        String ownAggregate = aggregate ? name : declaredAggregate(name, classes);
        for (FieldModel field : model.fields()) {
            if (field.isStatic()) {
                continue;
            }
            for (String target : field.types()) {
                if (target.equals(name)) {
                    continue;
                }
                if (entity && isAggregateRoot(target, classes) && !target.equals(ownAggregate)) {
                    violations.add(new Violation(
                            FindingKind.DDD_AGGREGATE_REFERENCE,
                            model,
                            field.name(),
                            target,
                            field,
                            model.nestedName() + "." + field.name() + " references aggregate " + nested(target)
                                    + " by object; reference it by its identifier (or an Association)"));
                } else if (valueObject && isEntity(target, classes)) {
                    violations.add(new Violation(
                            FindingKind.DDD_VALUE_OBJECT_REFERENCE,
                            model,
                            field.name(),
                            target,
                            field,
                            "value object " + model.nestedName() + "." + field.name() + " refers to "
                                    + (isAggregateRoot(target, classes) ? "aggregate " : "entity ") + nested(target)
                                    + "; value objects may refer to identifiers only"));
                } else if (entity && isEntity(target, classes) && !isAggregateRoot(target, classes)) {
                    String targetAggregate = declaredAggregate(target, classes);
                    if (targetAggregate != null && !targetAggregate.equals(ownAggregate)) {
                        violations.add(new Violation(
                                FindingKind.DDD_FOREIGN_ENTITY,
                                model,
                                field.name(),
                                target,
                                field,
                                model.nestedName() + "." + field.name() + " uses entity " + nested(target)
                                        + ", which belongs to aggregate " + nested(targetAggregate)
                                        + "; entities are used only inside their own aggregate"));
                    }
                }
            }
        }
        if ((isAnnotated(name, "AggregateRoot", classes) || isAnnotated(name, "Entity", classes))
                && !declaresIdentity(model, classes)) {
            violations.add(new Violation(
                    FindingKind.DDD_MISSING_IDENTITY,
                    model,
                    "",
                    null,
                    null,
                    model.nestedName() + " is annotated as " + (aggregate ? "aggregate root" : "entity")
                            + " but has no field or method annotated with @Identity"));
        }
        return violations;
    }

    private Finding toFinding(ContextDefinition context, Violation violation) {
        ClassModel origin = violation.origin();
        if (violation.target() == null) {
            return new Finding(
                    violation.kind(),
                    context.name(),
                    context.name(),
                    origin.name(),
                    "",
                    "identity",
                    "",
                    violation.message(),
                    List.of(new Occurrence(origin.sourceFile(), origin.line(), "@Identity missing")));
        }
        ContextDefinition targetContext = contexts.apply(violation.target());
        String to = targetContext == null ? context.name() : targetContext.name();
        return new Finding(
                violation.kind(),
                context.name(),
                to,
                origin.name(),
                violation.member(),
                DependencyKind.FIELD_TYPE.id(),
                violation.target(),
                violation.message(),
                List.of(new Occurrence(
                        origin.sourceFile(),
                        0,
                        "field " + violation.member() + " : "
                                + violation.field().typeDisplay())));
    }

    static boolean isAggregateRoot(String name, ClassIndex classes) {
        return isAnnotated(name, "AggregateRoot", classes) || classes.isAssignableTo(name, TYPES + "AggregateRoot");
    }

    static boolean isEntity(String name, ClassIndex classes) {
        return isAnnotated(name, "Entity", classes)
                || classes.isAssignableTo(name, TYPES + "Entity")
                || isAggregateRoot(name, classes);
    }

    static boolean isValueObject(String name, ClassIndex classes) {
        return isAnnotated(name, "ValueObject", classes) || classes.isAssignableTo(name, TYPES + "ValueObject");
    }

    /**
     * Annotated with the jMolecules annotation, directly or through an annotation that carries it.
     */
    private static boolean isAnnotated(String name, String simpleName, ClassIndex classes) {
        ClassModel model = classes.get(name);
        if (model == null) {
            return false;
        }
        String annotation = ANNOTATIONS + simpleName;
        if (model.annotations().contains(annotation)) {
            return true;
        }
        for (String other : model.annotations()) {
            if (classes.isAnnotatedWith(other, annotation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The aggregate an entity declares through {@code Entity<Aggregate, Id>}, on itself or a superclass.
     */
    private static @Nullable String declaredAggregate(String name, ClassIndex classes) {
        for (ClassModel current = classes.get(name);
                current != null;
                current = current.superName() == null ? null : classes.get(current.superName())) {
            if (current.entityAggregate() != null) {
                return current.entityAggregate();
            }
        }
        return null;
    }

    private static boolean declaresIdentity(ClassModel model, ClassIndex classes) {
        if (classes.isAssignableTo(model.name(), TYPES + "Identifiable")) {
            return true;
        }
        for (ClassModel current = model;
                current != null;
                current = current.superName() == null ? null : classes.get(current.superName())) {
            if (current.declaresIdentity()) {
                return true;
            }
        }
        return false;
    }

    private static String nested(String name) {
        String packageName = ClassModel.packageOf(name);
        return Objects.requireNonNull(packageName.isEmpty() ? name : name.substring(packageName.length() + 1))
                .replace('$', '.');
    }
}
