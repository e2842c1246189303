package dev.banyan.catalog.domain;

import org.jmolecules.ddd.types.AggregateRoot;

import java.util.Objects;

/** A category restaurants are filed under (치킨, 피자, ...), listed by {@code sortOrder}. */
public record Category(CategoryCode code, String name, int sortOrder) implements AggregateRoot<Category, CategoryCode> {

    public Category {
        Objects.requireNonNull(code, "code");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
    }

    @Override
    public CategoryCode getId() {
        return code;
    }
}
