package dev.banyan.architecture.bytecode;

/**
 * How a class depends on another. The id is part of baseline entries and must never change.
 */
public enum DependencyKind {
    EXTENDS("extends"),
    IMPLEMENTS("implements"),
    ANNOTATION("annotation"),
    TYPE_PARAMETER("type-parameter"),
    FIELD_TYPE("field-type"),
    PARAMETER_TYPE("parameter-type"),
    RETURN_TYPE("return-type"),
    THROWS("throws"),
    METHOD_CALL("method-call"),
    CONSTRUCTOR_CALL("constructor-call"),
    FIELD_ACCESS("field-access"),
    METHOD_REFERENCE("method-reference"),
    CONSTRUCTOR_REFERENCE("constructor-reference"),
    INSTANCEOF("instanceof"),
    CLASS_LITERAL("class-literal"),
    CATCH("catch");

    private final String id;

    DependencyKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
