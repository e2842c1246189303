package dev.banyan.architecture.rules;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules for a modular monolith with one top-level package per bounded context: the context's root package is its API,
 * everything in sub-packages is internal, and domain events may be used wherever they live.
 */
public final class ContextRules {

    static final String DOMAIN_EVENT_ANNOTATION = "org.jmolecules.event.annotation.DomainEvent";
    static final String DOMAIN_EVENT_TYPE = "org.jmolecules.event.types.DomainEvent";

    private ContextRules() {}

    /**
     * A class uses a bounded context other than its own only through classes of that context's root package (its API)
     * or through domain events. This holds for classes of other contexts and for application code outside every context
     * (bootstrap, demo data, the shared kernel) alike.
     */
    public static ArchRule contextsUseEachOtherOnlyThroughApiAndEvents(String root, Set<String> contexts) {
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(
                        new ArchCondition<>(
                                "use other bounded contexts only through their API package and domain events") {
                            @Override
                            public void check(JavaClass origin, ConditionEvents events) {
                                String context = contextOf(root, contexts, origin);
                                String from = context != null
                                        ? "context '" + context + "'"
                                        : "application package " + origin.getPackageName();
                                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                                    JavaClass target =
                                            dependency.getTargetClass().getBaseComponentType();
                                    String to = contextOf(root, contexts, target);
                                    if (to == null
                                            || to.equals(context)
                                            || target.getPackageName().equals(root + "." + to)
                                            || isDomainEvent(target)) {
                                        continue;
                                    }
                                    events.add(SimpleConditionEvent.violated(
                                            dependency,
                                            from + " uses " + target.getName() + ", which is internal to context '" + to
                                                    + "': " + dependency.getDescription()));
                                }
                            }
                        })
                .because(
                        "bounded contexts are extracted one by one; each must be reachable only through its API and its events");
    }

    /**
     * No cycles between the top-level packages (contexts and shared kernel) under the root.
     */
    public static ArchRule contextsAreFreeOfCycles(String root) {
        return SlicesRuleDefinition.slices()
                .matching(root + ".(*)..")
                .namingSlices("context '$1'")
                .should()
                .beFreeOfCycles()
                .because("a cycle between contexts means neither can be extracted without the other");
    }

    /**
     * The shared kernel (and the application's root package) depend on no bounded context.
     */
    public static ArchRule sharedKernelDependsOnNoContext(String root, String sharedKernel, Set<String> contexts) {
        return noClasses()
                .that()
                .resideInAPackage(root + "." + sharedKernel + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(contexts.stream()
                        .map(context -> root + "." + context + "..")
                        .toArray(String[]::new))
                .because("the shared kernel is used by every context and so must not depend on any of them");
    }

    /**
     * No context and not the shared kernel depend on application packages (the root package, and packages such as demo
     * data that wire contexts together): those sit on top of the contexts and must stay removable.
     */
    public static ArchRule contextsDependOnNoApplicationPackage(
            String root, String sharedKernel, Set<String> contexts, Set<String> applicationPackages) {
        List<String> inContexts = new java.util.ArrayList<>();
        inContexts.add(root + "." + sharedKernel + "..");
        contexts.forEach(context -> inContexts.add(root + "." + context + ".."));
        List<String> application = new java.util.ArrayList<>();
        application.add(root);
        applicationPackages.forEach(name -> application.add(root + "." + name + ".."));
        return noClasses()
                .that()
                .resideInAnyPackage(inContexts.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(application.toArray(String[]::new))
                .because(
                        "application code wires the contexts together; a context that depends on it cannot be extracted");
    }

    /**
     * Every class lies in a declared context, the shared kernel, an application package or the root package: a new
     * top-level package must be declared, so that the context rules cover it.
     */
    public static ArchRule everyTopLevelPackageIsADeclaredContext(
            String root, String sharedKernel, Set<String> contexts, Set<String> applicationPackages) {
        List<String> allowed = new java.util.ArrayList<>();
        allowed.add(root);
        allowed.add(root + "." + sharedKernel + "..");
        applicationPackages.forEach(name -> allowed.add(root + "." + name + ".."));
        contexts.forEach(context -> allowed.add(root + "." + context + ".."));
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .resideInAnyPackage(allowed.toArray(String[]::new))
                .because("the contexts are " + contexts + " and the application packages " + applicationPackages
                        + "; declare a new top-level package as either so that the boundary rules cover it");
    }

    static String contextOf(String root, Set<String> contexts, JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        String top = dot < 0 ? rest : rest.substring(0, dot);
        return contexts.contains(top) ? top : null;
    }

    static boolean isDomainEvent(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(DOMAIN_EVENT_ANNOTATION) || javaClass.isAssignableTo(DOMAIN_EVENT_TYPE);
    }
}
