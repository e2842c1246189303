package dev.banyan.catalog.domain;

import org.jmolecules.ddd.types.Identifier;

/** The natural key of a category, e.g. {@code chicken}. */
public record CategoryCode(String value) implements Identifier {

    public CategoryCode {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("category code must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
