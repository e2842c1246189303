package dev.banyan.architecture.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.jspecify.annotations.NullMarked;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Rules on the package structure of a module, whatever its kind (domain or infrastructure).
 */
public final class PackageRules {

    private PackageRules() {}

    /**
     * No cycle between any two packages under the root, nested ones included: each package is a slice, so a cycle
     * between {@code a} and {@code a.b} counts as much as one between siblings.
     */
    public static ArchRule packagesAreFreeOfCycles(String root) {
        return SlicesRuleDefinition.slices()
                .matching(root + ".(**)")
                .namingSlices("package '" + root + ".$1'")
                .should()
                .beFreeOfCycles()
                .because("packages in a cycle can be neither understood, tested nor moved one without the other");
    }

    /**
     * Every package has a {@code package-info} annotated with JSpecify's {@link NullMarked}, so a type is non-null
     * unless it says {@code @Nullable}. {@code @NullMarked} covers one package, not its sub-packages, so each needs its
     * own. A package at fault is named once, with one of its classes.
     */
    public static ArchRule packagesAreNullMarked() {
        return classes()
                .should(resideInANullMarkedPackage())
                .because("a package without @NullMarked leaves the nullness of every type in it unstated");
    }

    private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
        return new ArchCondition<>("reside in a package annotated with @NullMarked") {
            private final Set<String> reported = new HashSet<>();

            @Override
            public void init(Collection<JavaClass> allObjectsToTest) {
                reported.clear();
            }

            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean marked = javaClass.getPackage().isAnnotatedWith(NullMarked.class);
                if (marked || reported.add(javaClass.getPackageName())) {
                    events.add(new SimpleConditionEvent(
                            javaClass,
                            marked,
                            "package " + javaClass.getPackageName()
                                    + " is not @NullMarked: add a package-info.java annotated with it (seen at "
                                    + javaClass.getName() + ")"));
                }
            }
        };
    }
}
