package dev.banyan.architecture.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;

/**
 * The jMolecules DDD rules, applied where classes use jMolecules types ({@code org.jmolecules.ddd.types}) or annotations
 * ({@code org.jmolecules.ddd.annotation}). Types are recognised by name, so jMolecules need not be on the classpath.
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

    private final Function<JavaClass, ContextDefinition> contexts;

    public DddAnalyzer(Function<JavaClass, ContextDefinition> contexts) {
        this.contexts = contexts;
    }

    /**
     * One violation of a DDD rule.
     *
     * @param kind   the rule
     * @param origin the offending class
     * @param member the offending field ({@code ""} for the class itself)
     * @param target the class referenced ({@code null} where there is none)
     * @param message a sentence naming the class, the member and what to do instead
     */
    public record Violation(FindingKind kind, JavaClass origin, String member, JavaClass target, String message) {
    }

    public List<Finding> analyze(JavaClasses classes) {
        List<Finding> findings = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            ContextDefinition context = contexts.apply(javaClass);
            if (context == null) {
                continue;
            }
            for (Violation violation : violationsOf(javaClass)) {
                findings.add(toFinding(context, violation));
            }
        }
        return findings;
    }

    /**
     * The DDD rule violations of one class; empty for classes that are no jMolecules entity, aggregate or value object.
     */
    public static List<Violation> violationsOf(JavaClass javaClass) {
        boolean aggregate = isAggregateRoot(javaClass);
        boolean entity = aggregate || isEntity(javaClass);
        boolean valueObject = !entity && isValueObject(javaClass);
        if (!entity && !valueObject) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        Optional<JavaClass> ownAggregate = aggregate ? Optional.of(javaClass) : declaredAggregate(javaClass);
        for (JavaField field : javaClass.getFields()) {
            if (field.getModifiers().contains(JavaModifier.STATIC)) {
                continue;
            }
            for (JavaClass type : field.getType().getAllInvolvedRawTypes()) {
                JavaClass target = type.getBaseComponentType();
                if (target.equals(javaClass)) {
                    continue;
                }
                if (entity && isAggregateRoot(target) && !(ownAggregate.isPresent() && ownAggregate.get().equals(target))) {
                    violations.add(new Violation(FindingKind.DDD_AGGREGATE_REFERENCE, javaClass, field.getName(), target,
                            simple(javaClass) + "." + field.getName() + " references aggregate " + simple(target)
                                    + " by object; reference it by its identifier (or an Association)"));
                }
                else if (valueObject && (isEntity(target) || isAggregateRoot(target))) {
                    violations.add(new Violation(FindingKind.DDD_VALUE_OBJECT_REFERENCE, javaClass, field.getName(), target,
                            "value object " + simple(javaClass) + "." + field.getName() + " refers to "
                                    + (isAggregateRoot(target) ? "aggregate " : "entity ") + simple(target)
                                    + "; value objects may refer to identifiers only"));
                }
                else if (entity && isEntity(target) && !isAggregateRoot(target)) {
                    Optional<JavaClass> targetAggregate = declaredAggregate(target);
                    if (targetAggregate.isPresent() && !targetAggregate.equals(ownAggregate)) {
                        violations.add(new Violation(FindingKind.DDD_FOREIGN_ENTITY, javaClass, field.getName(), target,
                                simple(javaClass) + "." + field.getName() + " uses entity " + simple(target) + ", which belongs to aggregate "
                                        + simple(targetAggregate.get()) + "; entities are used only inside their own aggregate"));
                    }
                }
            }
        }
        if ((isAnnotated(javaClass, "AggregateRoot") || isAnnotated(javaClass, "Entity")) && !declaresIdentity(javaClass)) {
            violations.add(new Violation(FindingKind.DDD_MISSING_IDENTITY, javaClass, "", null, simple(javaClass) + " is annotated as "
                    + (aggregate ? "aggregate root" : "entity") + " but has no field or method annotated with @Identity"));
        }
        return violations;
    }

    private Finding toFinding(ContextDefinition context, Violation violation) {
        JavaClass origin = violation.origin();
        if (violation.target() == null) {
            return new Finding(violation.kind(), context.name(), context.name(), origin.getName(), "", "identity", "", violation.message(),
                    List.of(new Occurrence(sourceFile(origin), origin.getSourceCodeLocation().getLineNumber(), "@Identity missing")));
        }
        ContextDefinition targetContext = contexts.apply(violation.target());
        String to = targetContext == null ? context.name() : targetContext.name();
        JavaField field = origin.getField(violation.member());
        return new Finding(violation.kind(), context.name(), to, origin.getName(), violation.member(), DependencyKind.FIELD_TYPE.id(),
                violation.target().getName(), violation.message(),
                List.of(new Occurrence(sourceFile(origin), 0, "field " + field.getName() + " : " + field.getType().getName())));
    }

    static boolean isAggregateRoot(JavaClass javaClass) {
        return isAnnotated(javaClass, "AggregateRoot") || javaClass.isAssignableTo(TYPES + "AggregateRoot");
    }

    static boolean isEntity(JavaClass javaClass) {
        return isAnnotated(javaClass, "Entity") || javaClass.isAssignableTo(TYPES + "Entity") || isAggregateRoot(javaClass);
    }

    static boolean isValueObject(JavaClass javaClass) {
        return isAnnotated(javaClass, "ValueObject") || javaClass.isAssignableTo(TYPES + "ValueObject");
    }

    /**
     * Whether any class of the set uses jMolecules DDD types or annotations.
     */
    public static boolean usesJMolecules(JavaClasses classes) {
        for (JavaClass javaClass : classes) {
            if (isEntity(javaClass) || isValueObject(javaClass)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAnnotated(JavaClass javaClass, String simpleName) {
        String name = ANNOTATIONS + simpleName;
        return javaClass.isAnnotatedWith(name) || javaClass.isMetaAnnotatedWith(name);
    }

    /**
     * The aggregate an entity declares through {@code Entity<Aggregate, Id>}.
     */
    private static Optional<JavaClass> declaredAggregate(JavaClass entity) {
        for (JavaClass current = entity; current != null; current = current.getRawSuperclass().orElse(null)) {
            for (JavaType type : current.getInterfaces()) {
                if (type instanceof JavaParameterizedType parameterized && type.toErasure().getName().equals(TYPES + "Entity")
                        && !parameterized.getActualTypeArguments().isEmpty()) {
                    JavaType aggregate = parameterized.getActualTypeArguments().get(0);
                    if (aggregate instanceof JavaClass || aggregate instanceof JavaParameterizedType) {
                        return Optional.of(aggregate.toErasure());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean declaresIdentity(JavaClass javaClass) {
        String identity = ANNOTATIONS + "Identity";
        return javaClass.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(identity))
                || javaClass.getAllMethods().stream().anyMatch(method -> method.isAnnotatedWith(identity))
                || javaClass.isAssignableTo(TYPES + "Identifiable");
    }

    private static String simple(JavaClass javaClass) {
        String name = javaClass.getName();
        String packageName = javaClass.getPackageName();
        return packageName.isEmpty() ? name : name.substring(packageName.length() + 1).replace('$', '.');
    }

    static String sourceFile(JavaClass javaClass) {
        return javaClass.getSource().flatMap(source -> source.getFileName()).orElse(javaClass.getSimpleName() + ".java");
    }
}
