package dev.banyan.architecture.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recorded violations of a codebase, one {@link Finding#key()} per line. Keys name the rule, the context pair, the
 * source class and member, the dependency kind and the target class, never a line number: entries stay valid while the
 * code around them moves.
 */
public record Baseline(Path file, Set<String> entries) {

    public static final String HEADER = "# boundary-check baseline v1";

    public Baseline {
        entries = Set.copyOf(entries);
    }

    /**
     * Reads a baseline. A file that does not exist yet is an empty baseline.
     *
     * @throws ConfigException when the file is not a baseline
     */
    public static Baseline read(Path file) {
        if (!Files.exists(file)) {
            return new Baseline(file, Set.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new ConfigException(file, 0, "", "baseline cannot be read: " + ex.getMessage());
        }
        Set<String> entries = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // editors may strip the trailing blank of an entry whose last field is empty: compare trimmed fields
            String[] parts = line.split("\\|", -1);
            if (parts.length != 6) {
                throw new ConfigException(
                        file,
                        i + 1,
                        "",
                        "not a baseline entry (expected 'kind | from -> to | class | member | dependency | target', found '"
                                + line + "')");
            }
            for (int p = 0; p < parts.length; p++) {
                parts[p] = parts[p].strip();
            }
            if (FindingKind.fromId(parts[0]) == null) {
                throw new ConfigException(file, i + 1, "", "unknown finding kind '" + parts[0] + "'");
            }
            entries.add(String.join(" | ", parts));
        }
        return new Baseline(file, entries);
    }

    public static void write(Path file, Collection<Finding> findings) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Finding finding : findings) {
            keys.add(finding.key());
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add("# Recorded violations; the check fails only on violations not listed here.");
        lines.add("# Fields: kind | from -> to | class | member | dependency | target. Re-record with --freeze.");
        lines.addAll(keys);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
