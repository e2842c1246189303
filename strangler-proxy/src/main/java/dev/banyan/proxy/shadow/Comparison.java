package dev.banyan.proxy.shadow;

import java.util.List;

/** The outcome of comparing legacy's and the service's answers: equal, or the differences found. */
public record Comparison(List<String> differences) {

    public Comparison {
        differences = List.copyOf(differences);
    }

    public boolean matches() {
        return differences.isEmpty();
    }
}
