package dev.banyan.architecture.junit;

import java.nio.file.Path;
import java.util.stream.Stream;

import dev.banyan.architecture.rules.BanyanClasses;
import dev.banyan.architecture.rules.BanyanModule;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * This repository's monolith under the JUnit entry point, as a team would add it to its own suite: Surefire's report
 * lists one test per context pair (see target/surefire-reports).
 */
class MonolithBoundaryTests {

    @TestFactory
    Stream<DynamicTest> monolithRespectsItsBoundaries() {
        BanyanClasses.of(BanyanModule.LEGACY_MONOLITH);
        Path classes = BanyanClasses.root()
                .resolve(BanyanModule.LEGACY_MONOLITH.directory())
                .resolve("target/classes");
        return BoundaryTests.check(classes).config(Path.of("boundaries.yml")).tests();
    }
}
