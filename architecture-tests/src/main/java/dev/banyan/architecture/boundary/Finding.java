package dev.banyan.architecture.boundary;

import java.util.List;

import dev.banyan.architecture.bytecode.DependencyKind;

/**
 * One boundary violation. Its {@link #key()} identifies it independently of line numbers, so that a baseline stays valid
 * while code around it moves.
 *
 * @param kind           what rule is violated
 * @param fromContext    the context of the depending class (for cycles: the first context of the cycle)
 * @param toContext      the context depended on
 * @param sourceClass    the depending class ({@code ""} for cycles)
 * @param member         the member the dependency sits in ({@code ""} for the class itself; for cycles the cycle path)
 * @param dependencyKind how the class depends ({@link DependencyKind#id()}, or the rule's own word)
 * @param targetClass    the class depended on ({@code ""} where there is none)
 * @param message        a sentence that explains the violation
 * @param occurrences    where it occurs, with lines
 */
public record Finding(
        FindingKind kind,
        String fromContext,
        String toContext,
        String sourceClass,
        String member,
        String dependencyKind,
        String targetClass,
        String message,
        List<Occurrence> occurrences) {

    public Finding {
        occurrences = List.copyOf(occurrences);
    }

    public String key() {
        return key(kind.id(), fromContext, toContext, sourceClass, member, dependencyKind, targetClass);
    }

    public static String key(
            String kind,
            String from,
            String to,
            String sourceClass,
            String member,
            String dependencyKind,
            String targetClass) {
        return String.join(" | ", kind, from + " -> " + to, sourceClass, member, dependencyKind, targetClass);
    }

    /**
     * The group this finding is shown under: the context pair, or the cycle path.
     */
    public String pair() {
        if (kind == FindingKind.CYCLE) {
            return "cycle " + member;
        }
        if (fromContext.equals(toContext)) {
            return fromContext + " (within the context)";
        }
        return fromContext + " -> " + toContext;
    }

    public String memberLabel() {
        if (member.isEmpty()) {
            return sourceClass;
        }
        return sourceClass + "." + member;
    }
}
