package dev.banyan.architecture.bytecode;

import java.util.List;
import java.util.Set;

/**
 * A field: its name, whether it is static, every class its (generic) type involves, and its annotations.
 */
public record FieldModel(
        String name, boolean isStatic, List<String> types, String typeDisplay, Set<String> annotations) {

    public FieldModel {
        types = List.copyOf(types);
        annotations = Set.copyOf(annotations);
    }
}
