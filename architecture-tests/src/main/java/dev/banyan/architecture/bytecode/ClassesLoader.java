package dev.banyan.architecture.bytecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the classes to check from class directories and jars (Spring Boot jars included: their application classes
 * under {@code BOOT-INF/classes} are read like any other; nested library jars are not). Class files are parsed in
 * parallel; {@code module-info}, {@code package-info} and multi-release variants under {@code META-INF/versions} are
 * skipped.
 */
public final class ClassesLoader {

    private record ClassFile(String location, byte[] bytes) {}

    private ClassesLoader() {}

    public static ClassIndex load(List<Path> inputs, ClassScanner.DependencyFilter filter) {
        if (inputs.isEmpty()) {
            throw new UnreadableClassesException("--classes is required: the class directories or jars to check");
        }
        List<ClassFile> files = new ArrayList<>();
        for (Path input : inputs) {
            read(input, files);
        }
        List<ClassModel> models =
                files.parallelStream().map(file -> scan(file, filter)).toList();
        return new ClassIndex(models);
    }

    private static ClassModel scan(ClassFile file, ClassScanner.DependencyFilter filter) {
        try {
            return ClassScanner.scan(file.bytes(), filter);
        } catch (RuntimeException ex) {
            throw new UnreadableClassesException(
                    "--classes: " + file.location() + " is not a readable class file (" + ex + ")");
        }
    }

    private static boolean isClassFile(String path) {
        return path.endsWith(".class")
                && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class")
                && !path.startsWith("META-INF/versions/")
                && !path.contains("/META-INF/versions/");
    }

    private static void read(Path input, List<ClassFile> files) {
        if (!Files.exists(input)) {
            throw new UnreadableClassesException("--classes: '" + input + "' does not exist");
        }
        if (!Files.isReadable(input)) {
            throw new UnreadableClassesException("--classes: '" + input + "' is not readable");
        }
        int before = files.size();
        if (Files.isDirectory(input)) {
            try (Stream<Path> paths = Files.walk(input)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    String relative = input.relativize(path).toString().replace('\\', '/');
                    if (isClassFile(relative)) {
                        files.add(new ClassFile("'" + path + "'", Files.readAllBytes(path)));
                    }
                }
            } catch (IOException | UncheckedIOException ex) {
                throw new UnreadableClassesException(
                        "--classes: directory '" + input + "' cannot be read: " + ex.getMessage());
            }
            if (files.size() == before) {
                throw new UnreadableClassesException(
                        "--classes: directory '" + input + "' contains no .class files (compile the code first)");
            }
            return;
        }
        try (ZipFile jar = new ZipFile(input.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && isClassFile(entry.getName())) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.add(new ClassFile("'" + input + "!/" + entry.getName() + "'", in.readAllBytes()));
                    }
                }
            }
        } catch (IOException ex) {
            throw new UnreadableClassesException(
                    "--classes: '" + input + "' is neither a directory nor a readable jar (" + ex.getMessage() + ")");
        }
        if (files.size() == before) {
            throw new UnreadableClassesException("--classes: jar '" + input + "' contains no .class files");
        }
    }
}
