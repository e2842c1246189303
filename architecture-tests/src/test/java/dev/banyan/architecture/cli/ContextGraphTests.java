package dev.banyan.architecture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.banyan.architecture.cli.SampleCodebase.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.banyan.architecture.cli.SampleCodebase.run;
import static dev.banyan.architecture.cli.SampleCodebase.testClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context graph in the Markdown report (Mermaid) and beside it (DOT), violating edges marked.
 */
class ContextGraphTests {

    static final String CONFIG = """
            contexts:
              catalog:  { packages: [com.acme.catalog..] }
              ordering: { packages: [com.acme.ordering..], may-use: [catalog] }
              payment:  { packages: [com.acme.payment..] }
            """;

    @TempDir
    Path temp;

    @Test
    void drawsTheContextGraphInMermaidWithViolatingEdgesInRed() throws IOException {
        check();

        assertThat(Files.readString(temp.resolve("reports").resolve(BoundaryCheck.MARKDOWN_REPORT)))
                .contains("""
                        ## Context graph

                        Dependencies between contexts; red dotted edges carry violations (in brackets).

                        ```mermaid
                        flowchart LR
                          c0["catalog (5)"]
                          c1["ordering (9)"]
                          c2["payment (1)"]
                          c1 -->|"9"| c0
                          c1 -.->|"3 (3)"| c2
                          c2 -.->|"1 (1)"| c1
                          linkStyle 1,2 stroke:#d73a49,color:#d73a49
                        ```
                        """)
                .contains("| **ordering** | 9 | · | 3 (3) | 12 |");
    }

    @Test
    void writesTheGraphForGraphviz() throws IOException {
        check();

        assertThat(Files.readString(temp.resolve("reports").resolve(BoundaryCheck.DOT_GRAPH)))
                .startsWith("digraph boundaries {\n")
                .contains("  \"catalog\" [label=\"catalog\\n5 classes\"];\n")
                .contains("  \"ordering\" -> \"catalog\" [label=\"9\"];\n")
                .contains("  \"ordering\" -> \"payment\" [label=\"3 (3)\", color=\"#d73a49\", fontcolor=\"#d73a49\","
                        + " penwidth=2, style=dashed];\n")
                .endsWith("}\n");
    }

    private void check() throws IOException {
        Path config = Files.writeString(temp.resolve("boundaries.yml"), CONFIG);
        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                config.toString(),
                "--report-dir",
                temp.resolve("reports").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(BoundaryCheck.VIOLATIONS);
    }
}
