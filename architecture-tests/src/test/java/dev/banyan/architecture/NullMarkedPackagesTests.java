package dev.banyan.architecture;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.banyan.architecture.cli.BoundaryCheck;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of the boundary-check tool is {@code @NullMarked}: types are non-null unless marked {@code @Nullable}.
 */
class NullMarkedPackagesTests {

    @Test
    void everyMainPackageIsNullMarked() throws IOException, URISyntaxException {
        Path classes = Path.of(BoundaryCheck.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> packages;
        try (Stream<Path> files = Files.walk(classes)) {
            packages = files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file.getParent()).toString().replace('/', '.'))
                    .distinct()
                    .sorted()
                    .toList();
        }

        assertThat(packages)
                .contains(
                        "dev.banyan.architecture.boundary",
                        "dev.banyan.architecture.boundary.report",
                        "dev.banyan.architecture.bytecode",
                        "dev.banyan.architecture.cli");
        assertThat(packages)
                .allSatisfy(name -> assertThat(nullMarked(name))
                        .as("package %s has a @NullMarked package-info", name)
                        .isTrue());
    }

    private static boolean nullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException ex) {
            return false;
        }
    }
}
