package dev.banyan.architecture.bytecode;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes read, by name, with type questions answered from what was read: a type that was not read is known by its
 * name only (so {@code isAssignableTo} sees the supertypes the classes read declare, directly or through classes read).
 */
public final class ClassIndex {

    private final Map<String, ClassModel> classes;
    private final Map<String, Set<String>> supertypes = new ConcurrentHashMap<>();

    public ClassIndex(Collection<ClassModel> models) {
        Map<String, ClassModel> byName = new LinkedHashMap<>();
        for (ClassModel model : models) {
            byName.putIfAbsent(model.name(), model);
        }
        this.classes = byName;
    }

    public Collection<ClassModel> classes() {
        return classes.values();
    }

    public int size() {
        return classes.size();
    }

    public ClassModel get(String name) {
        return classes.get(name);
    }

    /**
     * Whether the class is, extends or implements the type, as far as the classes read tell.
     */
    public boolean isAssignableTo(String name, String type) {
        return name.equals(type) || supertypesOf(name).contains(type);
    }

    public boolean isAnnotatedWith(String name, String annotation) {
        ClassModel model = classes.get(name);
        return model != null && model.annotations().contains(annotation);
    }

    private Set<String> supertypesOf(String name) {
        Set<String> known = supertypes.get(name);
        if (known != null) {
            return known;
        }
        Set<String> result = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(name);
        while (!queue.isEmpty()) {
            ClassModel model = classes.get(queue.poll());
            if (model == null) {
                continue;
            }
            if (model.superName() != null && result.add(model.superName())) {
                queue.add(model.superName());
            }
            for (String implemented : model.interfaces()) {
                if (result.add(implemented)) {
                    queue.add(implemented);
                }
            }
        }
        supertypes.put(name, result);
        return result;
    }
}
