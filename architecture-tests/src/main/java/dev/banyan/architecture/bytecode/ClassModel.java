package dev.banyan.architecture.bytecode;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the boundary check knows about one class.
 *
 * @param name              binary name, e.g. {@code com.acme.ordering.Order$OrderId}
 * @param packageName       e.g. {@code com.acme.ordering}
 * @param sourceFile        e.g. {@code Order.java}
 * @param line              the first source line of the class's code, or 0
 * @param superName         the superclass, or {@code null}
 * @param interfaces        the directly implemented interfaces
 * @param entityAggregate   for a jMolecules {@code Entity<A, ID>}: A; otherwise {@code null}
 * @param annotations       the class's annotations
 * @param fields            its fields
 * @param declaresIdentity  whether a field or method carries jMolecules' {@code @Identity}
 * @param dependencies      its dependencies (as filtered when reading)
 */
public record ClassModel(
        String name,
        String packageName,
        String sourceFile,
        int line,
        @Nullable String superName,
        List<String> interfaces,
        @Nullable String entityAggregate,
        Set<String> annotations,
        List<FieldModel> fields,
        boolean declaresIdentity,
        List<Dependency> dependencies) {

    public ClassModel {
        interfaces = List.copyOf(interfaces);
        annotations = Set.copyOf(annotations);
        fields = List.copyOf(fields);
        dependencies = List.copyOf(dependencies);
    }

    public String simpleName() {
        return simpleName(name);
    }

    /**
     * The name without the package, nested classes separated by dots: {@code Order.OrderId}.
     */
    public String nestedName() {
        String local = packageName.isEmpty() ? name : name.substring(packageName.length() + 1);
        return local.replace('$', '.');
    }

    public static String simpleName(String binaryName) {
        int cut = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$'));
        return binaryName.substring(cut + 1);
    }

    public static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
