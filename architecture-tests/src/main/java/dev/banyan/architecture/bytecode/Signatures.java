package dev.banyan.architecture.bytecode;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads the generic signatures of the class file format (JVMS 4.7.9.1) into trees of class types.
 */
final class Signatures {

    /** A class type with its type arguments; {@code name} is the binary name. */
    record TypeNode(String name, List<@Nullable TypeNode> arguments) {}

    /** A class signature: type parameter bounds, superclass and interfaces. */
    record ClassSignature(List<TypeNode> bounds, @Nullable TypeNode superclass, List<TypeNode> interfaces) {}

    private final String text;
    private int position;

    private Signatures(String text) {
        this.text = text;
    }

    static ClassSignature classSignature(String signature) {
        Signatures reader = new Signatures(signature);
        List<TypeNode> bounds = reader.typeParameters();
        TypeNode superclass = reader.fieldType();
        List<TypeNode> interfaces = new ArrayList<>();
        while (reader.position < signature.length()) {
            interfaces.add(reader.fieldType());
        }
        return new ClassSignature(bounds, superclass, interfaces);
    }

    /**
     * Every class type a field, method or class signature mentions (type arguments and bounds included).
     */
    static List<String> classNames(String signature) {
        Signatures reader = new Signatures(signature);
        List<TypeNode> nodes = new ArrayList<>(reader.typeParameters());
        while (reader.position < signature.length()) {
            char c = reader.peek();
            if (c == '(' || c == ')' || c == '^') {
                reader.position++;
            } else {
                nodes.add(reader.fieldType());
            }
        }
        List<String> names = new ArrayList<>();
        for (TypeNode node : nodes) {
            flatten(node, names);
        }
        return names;
    }

    private static void flatten(@Nullable TypeNode node, List<String> names) {
        if (node == null) {
            return;
        }
        names.add(node.name());
        for (TypeNode argument : node.arguments()) {
            flatten(argument, names);
        }
    }

    private List<TypeNode> typeParameters() {
        List<TypeNode> bounds = new ArrayList<>();
        if (position >= text.length() || peek() != '<') {
            return bounds;
        }
        position++;
        while (peek() != '>') {
            while (peek() != ':') {
                position++;
            }
            position++;
            char c = peek();
            if (c == 'L' || c == 'T' || c == '[') {
                bounds.add(fieldType());
            }
            while (peek() == ':') {
                position++;
                bounds.add(fieldType());
            }
        }
        position++;
        bounds.removeIf(java.util.Objects::isNull);
        return bounds;
    }

    private @Nullable TypeNode fieldType() {
        char c = text.charAt(position);
        switch (c) {
            case 'L':
                return classType();
            case 'T':
                while (text.charAt(position) != ';') {
                    position++;
                }
                position++;
                return null;
            case '[':
                position++;
                return fieldType();
            default:
                position++;
                return null;
        }
    }

    private TypeNode classType() {
        position++; // 'L'
        StringBuilder name = new StringBuilder();
        List<TypeNode> arguments = new ArrayList<>();
        while (true) {
            char c = text.charAt(position);
            if (c == ';') {
                position++;
                return new TypeNode(name.toString(), arguments);
            }
            if (c == '<') {
                position++;
                while (peek() != '>') {
                    char wildcard = peek();
                    if (wildcard == '*') {
                        position++;
                        arguments.add(null);
                    } else {
                        if (wildcard == '+' || wildcard == '-') {
                            position++;
                        }
                        arguments.add(fieldType());
                    }
                }
                position++;
            } else if (c == '.') {
                name.append('$');
                position++;
            } else {
                name.append(c == '/' ? '.' : c);
                position++;
            }
        }
    }

    private char peek() {
        return text.charAt(position);
    }
}
