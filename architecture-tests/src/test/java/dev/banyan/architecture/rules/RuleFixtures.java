package dev.banyan.architecture.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Imports the fixture classes with deliberate violations.
 */
final class RuleFixtures {

    static final String ROOT = "dev.banyan.architecture.fixtures";

    private RuleFixtures() {}

    static JavaClasses of(String subPackage) {
        return new ClassFileImporter().importPackages(ROOT + "." + subPackage);
    }
}
