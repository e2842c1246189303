package dev.banyan.architecture.boundary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

import dev.banyan.architecture.cli.UsageException;

/**
 * Reads the classes to check from class directories and jars (including Spring Boot jars, whose application classes sit
 * under {@code BOOT-INF/classes}). Classes referenced but not given are not looked up on the class path: what is not
 * given is outside every context anyway, and skipping the lookup keeps large inputs fast.
 */
public final class ClassesLoader {

    private ClassesLoader() {
    }

    public static JavaClasses load(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new UsageException("--classes is required: the class directories or jars to check");
        }
        List<Location> locations = new ArrayList<>();
        List<JarFile> jars = new ArrayList<>();
        try {
            for (Path input : inputs) {
                locations.add(location(input, jars));
            }
            ArchConfiguration configuration = ArchConfiguration.get();
            boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
            configuration.setResolveMissingDependenciesFromClassPath(false);
            try {
                return new ClassFileImporter().importLocations(locations);
            }
            finally {
                configuration.setResolveMissingDependenciesFromClassPath(resolve);
            }
        }
        finally {
            for (JarFile jar : jars) {
                try {
                    jar.close();
                }
                catch (IOException ignored) {
                    // closing a jar opened only for reading cannot lose data
                }
            }
        }
    }

    private static Location location(Path input, List<JarFile> jars) {
        if (!Files.exists(input)) {
            throw new UsageException("--classes: '" + input + "' does not exist");
        }
        if (!Files.isReadable(input)) {
            throw new UsageException("--classes: '" + input + "' is not readable");
        }
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.walk(input)) {
                if (files.noneMatch(file -> file.toString().endsWith(".class"))) {
                    throw new UsageException("--classes: directory '" + input + "' contains no .class files (compile the code first)");
                }
            }
            catch (IOException | java.io.UncheckedIOException ex) {
                throw new UsageException("--classes: directory '" + input + "' cannot be read: " + ex.getMessage());
            }
            return Location.of(input.toAbsolutePath().normalize());
        }
        JarFile jar;
        try {
            jar = new JarFile(input.toFile());
        }
        catch (IOException ex) {
            throw new UsageException("--classes: '" + input + "' is neither a directory nor a readable jar (" + ex.getMessage() + ")");
        }
        jars.add(jar);
        boolean hasClasses = false;
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            if (entries.nextElement().getName().endsWith(".class")) {
                hasClasses = true;
                break;
            }
        }
        if (!hasClasses) {
            throw new UsageException("--classes: jar '" + input + "' contains no .class files");
        }
        return Location.of(jar);
    }
}
