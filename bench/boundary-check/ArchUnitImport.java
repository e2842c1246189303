import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;

/**
 * The baseline: importing the same jars with ArchUnit's ClassFileImporter alone (no analysis, no reports), which is
 * what an ArchUnit-based check has to do before checking anything. Prints the class count and the wall time.
 */
public class ArchUnitImport {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        List<Location> locations = new ArrayList<>();
        for (String jar : args[0].split(",")) {
            locations.add(Location.of(new JarFile(Path.of(jar).toFile())));
        }
        JavaClasses classes = new ClassFileImporter().importLocations(locations);
        System.out.println("archunit-import: " + classes.size() + " classes in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
