package dev.banyan.architecture.rules;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * Rules on the package structure of a module, whatever its kind (domain or infrastructure).
 */
public final class PackageRules {

    private PackageRules() {}

    /**
     * No cycle between any two packages under the root, nested ones included: each package is a slice, so a cycle
     * between {@code a} and {@code a.b} counts as much as one between siblings.
     */
    public static ArchRule packagesAreFreeOfCycles(String root) {
        return SlicesRuleDefinition.slices()
                .matching(root + ".(**)")
                .namingSlices("package '" + root + ".$1'")
                .should()
                .beFreeOfCycles()
                .because("packages in a cycle can be neither understood, tested nor moved one without the other");
    }
}
