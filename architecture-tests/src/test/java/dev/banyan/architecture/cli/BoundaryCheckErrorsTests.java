package dev.banyan.architecture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.banyan.architecture.cli.SampleCodebase.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.banyan.architecture.cli.SampleCodebase.config;
import static dev.banyan.architecture.cli.SampleCodebase.run;
import static dev.banyan.architecture.cli.SampleCodebase.testClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every usage and configuration error exits with 2 and a message that names the file, the field or the flag at fault.
 */
class BoundaryCheckErrorsTests {

    @TempDir
    Path temp;

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of(
                        "unknown context in may-use",
                        """
                        contexts:
                          catalog:  { packages: [com.acme.catalog..] }
                          ordering: { packages: [com.acme.ordering..], may-use: [catalog, billing] }
                        """,
                        ":3 contexts.ordering.may-use[1]: unknown context 'billing' (known contexts: catalog, ordering)"),
                Arguments.of(
                        "package in two contexts",
                        """
                        contexts:
                          catalog:  { packages: [com.acme.catalog..] }
                          everything: { packages: [com.acme..] }
                        """,
                        ":3 contexts.everything.packages[0]: package 'com.acme..' is also in context 'catalog' ('com.acme.catalog..'); a package can belong to one context only"),
                Arguments.of(
                        "same package twice",
                        """
                        contexts:
                          catalog:  { packages: [com.acme.catalog] }
                          ordering: { packages: [com.acme.catalog] }
                        """,
                        ":3 contexts.ordering.packages[0]: package 'com.acme.catalog' is also in context 'catalog'"),
                Arguments.of(
                        "YAML syntax error", """
                        contexts:
                          catalog: { packages: [com.acme.catalog..]
                          ordering: {}
                        """, ":3: invalid YAML (column 3): expected ',' or '}', but got <scalar>"),
                Arguments.of("duplicate key", """
                        contexts:
                          catalog: { packages: [com.acme.catalog..] }
                          catalog: { packages: [com.acme.ordering..] }
                        """, ":3 contexts.catalog: is given twice (first on line 2)"),
                Arguments.of(
                        "unknown context field",
                        """
                        contexts:
                          catalog: { packages: [com.acme.catalog..], apis: [com.acme.catalog.api..] }
                        """,
                        ":2 contexts.catalog.apis: unknown field (expected one of: api, may-use, packages)"),
                Arguments.of(
                        "unknown rule",
                        """
                        contexts:
                          catalog: { packages: [com.acme.catalog..] }
                        rules:
                          no-cycle: true
                        """,
                        ":4 rules.no-cycle: unknown field (expected one of: ddd, events-are-api, no-cycles)"),
                Arguments.of("YAML 1.1 boolean", """
                        contexts:
                          catalog: { packages: [com.acme.catalog..] }
                        rules:
                          ddd: yes
                        """, ":4 rules.ddd: must be true or false (found 'yes')"),
                Arguments.of(
                        "rule that is not a boolean",
                        """
                        contexts:
                          catalog: { packages: [com.acme.catalog..] }
                        rules:
                          no-cycles: sometimes
                        """,
                        ":4 rules.no-cycles: must be true or false (found 'sometimes')"),
                Arguments.of(
                        "not a package pattern",
                        """
                        contexts:
                          catalog: { packages: [com/acme] }
                        """,
                        ":2 contexts.catalog.packages[0]: 'com/acme' is not a package pattern: '/' is neither part of a Java name nor one of . * ( ) [ ] |"),
                Arguments.of(
                        "three dots",
                        """
                        contexts:
                          catalog: { packages: [com.acme...catalog] }
                        """,
                        ":2 contexts.catalog.packages[0]: 'com.acme...catalog' is not a package pattern: more than two '.' in a row"),
                Arguments.of(
                        "unclosed capture",
                        """
                        contexts:
                          $1: { packages: ["com.acme.(*.."] }
                        """,
                        ":2 contexts.$1.packages[0]: 'com.acme.(*..' is not a package pattern: '(' is not closed"),
                Arguments.of(
                        "captures without a place in the name",
                        """
                        contexts:
                          modules: { packages: ["com.acme.(*).."] }
                        """,
                        ":2 contexts.modules: its packages capture ('(*)', '(**)' or '(a|b)'), so its name must say where the captures go (e.g. '$1'), one context per captured package"),
                Arguments.of(
                        "a pattern of a capturing context that captures nothing",
                        """
                        contexts:
                          $1: { packages: ["com.acme.(*)..", com.acme] }
                        """,
                        ":2 contexts.$1.packages[1]: 'com.acme' captures nothing, so it names no context of '$1'; in a context named by captures every package pattern captures"),
                Arguments.of("context without packages", """
                        contexts:
                          catalog: { api: [com.acme.catalog.api..] }
                        """, ":2 contexts.catalog.packages: is required"),
                Arguments.of(
                        "api outside the context",
                        """
                        contexts:
                          catalog: { packages: [com.acme.catalog..], api: [com.acme.ordering..] }
                        """,
                        ":2 contexts.catalog.api[0]: 'com.acme.ordering..' is not inside the packages of context 'catalog'"),
                Arguments.of(
                        "context using itself", """
                        contexts:
                          catalog: { packages: [com.acme.catalog..], may-use: [catalog] }
                        """, ":2 contexts.catalog.may-use[0]: context 'catalog' lists itself"),
                Arguments.of(
                        "packages not a list",
                        """
                        contexts:
                          catalog: { packages: { a: b } }
                        """,
                        ":2 contexts.catalog.packages: must be a list of strings (found a mapping)"),
                Arguments.of("no contexts", """
                        rules:
                          ddd: true
                        """, ":1 contexts: is required"),
                Arguments.of("empty file", "", ": contexts: is required (the file is empty)"),
                Arguments.of(
                        "unknown top-level field",
                        """
                        context:
                          catalog: { packages: [com.acme.catalog..] }
                        """,
                        ":1 context: unknown field (expected one of: contexts, rules)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void rejectsBadConfigurationNamingFileFieldAndReason(String problem, String yaml, String message)
            throws IOException {
        Path file = temp.resolve("boundaries.yml");
        Files.writeString(file, yaml);

        Run run = run("--classes", testClasses().toString(), "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err())
                .startsWith("boundary-check: configuration error: " + file)
                .contains(file + message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsEveryConfigurationProblemAtOnceWithItsLine() throws IOException {
        Path file = temp.resolve("boundaries.yml");
        Files.writeString(file, """
                contexts:
                  catalog:  { packages: [com.acme.catalog..], api: [com.acme.ordering] }
                  ordering: { packages: [com.acme.ordering.., com/acme], may-use: [billing] }
                  payment:  { packages: [com.acme.payment..], apis: [] }
                rules:
                  no-cycles: on
                  ddd: false
                """);

        Run run = run("--classes", testClasses().toString(), "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).isEqualTo("""
                boundary-check: configuration error: %1$s: 5 problems
                  %1$s:2 contexts.catalog.api[0]: 'com.acme.ordering' is not inside the packages of context 'catalog' [com.acme.catalog..]
                  %1$s:3 contexts.ordering.packages[1]: 'com/acme' is not a package pattern: '/' is neither part of a Java name nor one of . * ( ) [ ] | (write com.acme.catalog for one package, com.acme.catalog.. for it and its sub-packages, ArchUnit's syntax for more)
                  %1$s:3 contexts.ordering.may-use[0]: unknown context 'billing' (known contexts: catalog, ordering, payment)
                  %1$s:4 contexts.payment.apis: unknown field (expected one of: api, may-use, packages)
                  %1$s:6 rules.no-cycles: must be true or false (found 'on')
                """.formatted(file));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void namesTheLinesOfBothCopiesOfAKeyGivenTwice() throws IOException {
        Path file = temp.resolve("boundaries.yml");
        Files.writeString(file, """
                # contexts of the sample

                contexts:
                  catalog: { packages: [com.acme.catalog..] }
                  ordering: { packages: [com.acme.ordering..] }
                  catalog: { packages: [com.acme.catalog.more..] }
                """);

        Run run = run("--classes", testClasses().toString(), "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err())
                .isEqualTo("boundary-check: configuration error: " + file
                        + ":6 contexts.catalog: is given twice (first on line 4)\n");
    }

    @Test
    void rejectsAMissingConfigFile() {
        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                temp.resolve("missing.yml").toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err())
                .startsWith("boundary-check: configuration error: " + temp.resolve("missing.yml") + ": file not found");
    }

    @Test
    void rejectsClassesThatDoNotExist() {
        Run run = run("--classes", temp.resolve("nowhere").toString(), "--config", config().toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains("--classes: '" + temp.resolve("nowhere") + "' does not exist");
    }

    @Test
    void rejectsAFileThatIsNoJar() throws IOException {
        Path text = Files.writeString(temp.resolve("classes.txt"), "not a jar");

        Run run = run("--classes", text.toString(), "--config", config().toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains("--classes: '" + text + "' is neither a directory nor a readable jar");
    }

    @Test
    void rejectsACorruptJar() throws IOException {
        Path jar = SampleCodebase.jar(temp, "sample.jar", "");
        byte[] bytes = Files.readAllBytes(jar);
        Path broken = Files.write(temp.resolve("broken.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Run run = run("--classes", broken.toString(), "--config", config().toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains("--classes: '" + broken + "' is neither a directory nor a readable jar");
    }

    @Test
    void rejectsAClassFileThatCannotBeParsed() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/com/acme/ordering"));
        Path broken = Files.write(
                classes.resolve("Broken.class"),
                new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9});

        Run run = run("--classes", temp.resolve("classes").toString(), "--config", config().toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains("--classes: '" + broken + "' is not a readable class file");
    }

    @Test
    void rejectsADirectoryWithoutClasses() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Run run = run("--classes", empty.toString(), "--config", config().toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains("--classes: directory '" + empty + "' contains no .class files");
    }

    @Test
    void rejectsClassesOutsideEveryContext() throws IOException {
        Path other = temp.resolve("other.yml");
        Files.writeString(other, "contexts:\n  billing: { packages: [org.example.billing..] }\n");

        Run run = run("--classes", testClasses().toString(), "--config", other.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err())
                .contains(other + ":2 contexts.billing.packages[0]: 'org.example.billing..' matches no package of the"
                        + " classes checked");
    }

    @Test
    void rejectsAMalformedBaseline() throws IOException {
        Path baseline =
                Files.writeString(temp.resolve("baseline.txt"), "# boundary-check baseline v1\nsomething else\n");

        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                config().toString(),
                "--baseline",
                baseline.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains(baseline + ":2: not a baseline entry");
    }

    @Test
    void rejectsAReportDirThatIsAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("reports"), "");

        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                config().toString(),
                "--report-dir",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).contains("--report-dir: '" + file + "' exists and is not a directory");
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(
                        new String[] {"--config", "boundaries.yml"},
                        "Missing required option: '--classes=<dir-or-jar>'"),
                Arguments.of(new String[] {"--classes", "target/classes"}, "Missing required option: '--config=FILE'"),
                Arguments.of(new String[] {}, "Missing required options: '--classes=<dir-or-jar>', '--config=FILE'"),
                Arguments.of(
                        new String[] {"--classes"}, "Missing required parameter for option '--classes' (<dir-or-jar>)"),
                Arguments.of(
                        new String[] {"--classes", "a,,b", "--config", "c.yml"},
                        "Invalid value for option '--classes' (<dir-or-jar>): an empty entry"),
                Arguments.of(
                        new String[] {"--classes", "a", "--config", " "},
                        "Invalid value for option '--config': an empty entry"),
                Arguments.of(
                        new String[] {"--classes", "a", "--config", "c.yml", "--verbose"},
                        "Unknown option: '--verbose'"),
                Arguments.of(
                        new String[] {"--classes", "a", "--config", "c.yml", "--config", "d.yml"},
                        "option '--config' (FILE) should be specified only once"),
                Arguments.of(
                        new String[] {"--classes", "a", "--config", "c.yml", "--freeze"},
                        "--freeze needs --baseline FILE"),
                Arguments.of(
                        new String[] {"--classes=a", "--config=c.yml", "--freeze=yes", "--baseline=b"},
                        "Invalid value for option '--freeze': 'yes' is not a boolean"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void rejectsBadCommandLinesNamingTheFlag(String[] args, String message) {
        Run run = run(args);

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.USAGE_ERROR);
        assertThat(run.err()).startsWith("boundary-check: " + message).contains("Run with --help for usage.");
    }
}
