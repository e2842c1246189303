package dev.banyan.architecture.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Assumptions;

/**
 * The production classes of this repository's modules, read from each module's {@code target/classes} (so that Spring
 * Boot's repackaged jars do not matter). A module that is part of the build must have been compiled: its absence fails
 * the test loudly. A module that is not part of the build yet makes the test report itself as skipped, never as passed.
 */
public final class BanyanClasses {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Map<Set<BanyanModule>, JavaClasses> CACHE = new ConcurrentHashMap<>();

    private BanyanClasses() {}

    /**
     * The repository root: the {@code banyan.root} system property that the build sets, or the parent of the working
     * directory (the architecture-tests module).
     */
    public static Path root() {
        String property = System.getProperty("banyan.root");
        Path root = property != null
                ? Path.of(property)
                : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    /**
     * The modules listed in the root {@code pom.xml}.
     */
    public static List<String> modulesInBuild() {
        try {
            String pom = Files.readString(root().resolve("pom.xml"));
            List<String> modules = new ArrayList<>();
            Matcher matcher = MODULE.matcher(pom.replaceAll("(?s)<!--.*?-->", ""));
            while (matcher.find()) {
                modules.add(matcher.group(1));
            }
            return modules;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the root pom.xml at " + root(), ex);
        }
    }

    public static boolean inBuild(BanyanModule module) {
        return modulesInBuild().contains(module.directory());
    }

    /**
     * The classes of the given modules; skips the calling test when one of them is not part of the build yet.
     */
    public static JavaClasses of(BanyanModule... modules) {
        for (BanyanModule module : modules) {
            Assumptions.assumeTrue(
                    inBuild(module), () -> "module " + module.directory() + " is not part of the build yet");
        }
        Set<BanyanModule> key =
                modules.length == 0 ? EnumSet.noneOf(BanyanModule.class) : EnumSet.copyOf(List.of(modules));
        return CACHE.computeIfAbsent(key, BanyanClasses::load);
    }

    private static JavaClasses load(Set<BanyanModule> modules) {
        List<Path> directories = new ArrayList<>();
        for (BanyanModule module : modules) {
            directories.add(classesOf(module));
        }
        return new ClassFileImporter().importPaths(directories);
    }

    static Path classesOf(BanyanModule module) {
        Path classes = root().resolve(module.directory()).resolve("target/classes");
        boolean compiled;
        try (var files = Files.exists(classes) ? Files.walk(classes) : java.util.stream.Stream.<Path>empty()) {
            compiled = files.anyMatch(file -> file.toString().endsWith(".class"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!compiled) {
            throw new IllegalStateException(
                    "module " + module.directory() + " is part of the build but has no compiled classes in "
                            + classes
                            + ": build it first (./mvnw verify builds every module; for this module alone use "
                            + "./mvnw verify -pl architecture-tests -am), and make sure it is a test dependency of architecture-tests");
        }
        return classes;
    }
}
