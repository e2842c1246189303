package dev.banyan.architecture.boundary;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * One dependency in the byte code: {@code origin.member} depends on {@code target} in the given way.
 *
 * @param origin  the depending class
 * @param member  the member of the origin the dependency sits in ({@code ""} for the class declaration itself)
 * @param kind    how it depends
 * @param target  the class depended on
 * @param detail  what exactly is used, e.g. {@code PaymentGateway.charge(long)}
 * @param line    source line, or 0 when the byte code carries none (fields, signatures)
 */
public record CodeDependency(JavaClass origin, String member, DependencyKind kind, JavaClass target, String detail, int line) {

    public String sourceFile() {
        return origin.getSource().flatMap(source -> source.getFileName()).orElse(origin.getSimpleName() + ".java");
    }
}
