package dev.banyan.architecture.boundary;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of boundary violations. The id is part of baseline entries and must never change.
 */
public enum FindingKind {
    FORBIDDEN_DEPENDENCY("forbidden-dependency", "depends on a context it may not use"),
    NON_API_ACCESS("non-api-access", "uses another context outside its API"),
    CYCLE("cycle", "contexts depend on each other in a cycle"),
    DDD_AGGREGATE_REFERENCE(
            "ddd-aggregate-reference", "references another aggregate by object instead of by identifier"),
    DDD_VALUE_OBJECT_REFERENCE("ddd-value-object-reference", "value object refers to an entity or aggregate"),
    DDD_FOREIGN_ENTITY("ddd-foreign-entity", "uses an entity of another aggregate"),
    DDD_MISSING_IDENTITY("ddd-missing-identity", "entity or aggregate root declares no identity");

    private final String id;
    private final String title;

    FindingKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static @Nullable FindingKind fromId(String id) {
        for (FindingKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        return null;
    }
}
