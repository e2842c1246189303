package dev.banyan.proxy.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RoutesFileParserTests {

    private static final Path FILE = Path.of("/etc/banyan/routes.yml");

    private static final String VALID = """
            legacy:
              uri: http://localhost:8081
            services:
              catalog:
                uri: http://localhost:8082
                timeout: 2s
            routes:
              - id: catalog-reads
                service: catalog
                paths: [/api/restaurants, /api/restaurants/**]
                methods: [GET]
                stage: CANARY
                percent: 25
                sticky-by: header:X-Customer-Id
                fallback-to-legacy: true
                shadow:
                  ignore: [$.updatedAt]
                  sample-percent: 100
            """;

    private static InvalidRoutesFileException rejected(String yaml) {
        try {
            RoutesFileParser.parse(FILE, yaml);
        } catch (InvalidRoutesFileException e) {
            return e;
        }
        throw new AssertionError("expected the file to be rejected:\n" + yaml);
    }

    @Test
    void readsTheDocumentedExample() {
        RoutesConfig config = RoutesFileParser.parse(FILE, VALID);
        RouteSpec route = config.routes().get(0);
        assertThat(route.id()).isEqualTo("catalog-reads");
        assertThat(route.stage()).isEqualTo(Stage.CANARY);
        assertThat(route.percentBasisPoints()).isEqualTo(2500);
        assertThat(route.stickyBy()).isEqualTo(new StickyKey(StickyKey.Source.HEADER, "X-Customer-Id"));
        assertThat(route.fallbackToLegacy()).isTrue();
        assertThat(route.methods()).containsExactly("GET");
        assertThat(route.shadow().ignore()).extracting(Object::toString).containsExactly("$.updatedAt");
        assertThat(config.services().get("catalog").timeout()).hasSeconds(2);
        assertThat(config.legacy().uri()).hasToString("http://localhost:8081");
    }

    @Test
    void theShippedExampleFileIsValid() throws IOException {
        Path example = Path.of("routes.example.yml");
        RoutesConfig config = RoutesFileParser.parse(example, Files.readString(example, StandardCharsets.UTF_8));
        assertThat(config.routes()).extracting(RouteSpec::id).isNotEmpty();
        assertThat(config.legacy().uri()).hasToString("http://localhost:8081");
        assertThat(config.services().get("catalog").uri()).hasToString("http://localhost:8082");
    }

    @Test
    void badYamlSyntaxNamesTheLine() {
        InvalidRoutesFileException e = rejected("legacy:\n  uri: http://x:1\nroutes:\n  - id: [unclosed\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("(yaml)");
            assertThat(p.line()).isGreaterThanOrEqualTo(4);
        });
        assertThat(e.getMessage()).contains(FILE.toString()).contains("invalid YAML");
    }

    @Test
    void unknownStageNamesFileLineFieldAndReason() {
        InvalidRoutesFileException e = rejected(VALID.replace("stage: CANARY", "stage: CANARI"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.field()).isEqualTo("routes[0].stage");
            assertThat(p.reason()).contains("unknown stage 'CANARI'").contains("LEGACY, SHADOW, CANARY, MIGRATED");
        });
        assertThat(e.getMessage()).contains(FILE.toString()).contains("routes.yml:12 routes[0].stage");
    }

    @Test
    void unknownServiceIsRejected() {
        InvalidRoutesFileException e = rejected(VALID.replace("service: catalog", "service: ordering"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("routes[0].service");
            assertThat(p.reason()).contains("unknown service 'ordering'").contains("catalog");
        });
    }

    @Test
    void percentOutsideZeroToHundredIsRejected() {
        assertThat(rejected(VALID.replace("percent: 25", "percent: 120")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("must be between 0 and 100 (was 120)"));
        assertThat(rejected(VALID.replace("percent: 25", "percent: -1")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("routes[0].percent"));
        assertThat(rejected(VALID.replace("percent: 25", "percent: lots")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("not a number"));
        assertThat(rejected(VALID.replace("    percent: 25\n", "")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("required for stage CANARY"));
    }

    @Test
    void duplicateIdIsRejected() {
        String yaml = VALID + """
                  - id: catalog-reads
                    service: catalog
                    paths: [/api/categories]
                    stage: LEGACY
                """;
        assertThat(rejected(yaml).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("routes[1].id");
            assertThat(p.reason()).contains("duplicate id 'catalog-reads'").contains("line 8");
            assertThat(p.line()).isEqualTo(19);
        });
    }

    @Test
    void ambiguousOverlapIsRejected() {
        String yaml = VALID + """
                  - id: other-reads
                    service: catalog
                    paths: [/api/restaurants/**]
                    stage: LEGACY
                """;
        assertThat(rejected(yaml).problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("routes[1].paths");
            assertThat(p.reason()).contains("ambiguous overlap").contains("catalog-reads");
        });
    }

    @Test
    void badUrisAreRejected() {
        assertThat(rejected(VALID.replace("http://localhost:8082", "ftp://localhost:8082"))
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("services.catalog.uri");
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.reason()).contains("scheme must be http or https");
                });
        assertThat(rejected(VALID.replace("http://localhost:8081", "http://local host"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("legacy.uri"));
        assertThat(rejected(VALID.replace("http://localhost:8081", "http://localhost:8081/app"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("must not have a path"));
    }

    @Test
    void otherMistakesAreNamedToo() {
        assertThat(rejected(VALID.replace("sticky-by: header:X-Customer-Id", "sticky-by: body:x"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("routes[0].sticky-by"));
        assertThat(rejected(VALID.replace("methods: [GET]", "methods: [FETCH]")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("routes[0].methods[0]"));
        assertThat(rejected(VALID.replace("timeout: 2s", "timeout: soon")).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("services.catalog.timeout"));
        assertThat(rejected(VALID.replace("fallback-to-legacy", "fallback-to-legacyy"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("unknown field"));
        assertThat(rejected(VALID.replace("ignore: [$.updatedAt]", "ignore: [updatedAt]"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("routes[0].shadow.ignore[0]"));
        assertThat(rejected(VALID.replace("/api/restaurants/**", "api/restaurants/**"))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("routes[0].paths[1]"));
        assertThat(rejected("").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("empty"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidRoutesFileException e =
                rejected(VALID.replace("stage: CANARY", "stage: CANARI").replace("methods: [GET]", "methods: [FETCH]"));
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void problemsAcrossLegacyServicesAndRoutesAreAllReportedWithFileLineAndField() {
        String yaml = VALID.replace("uri: http://localhost:8081", "uri: http://localhost:8081\n  timeout: soon")
                .replace("uri: http://localhost:8082", "uri: ftp://localhost:8082")
                .replace("stage: CANARY", "stage: CANARI")
                .replace("fallback-to-legacy: true", "fallback-to-legacy: yes")
                .replace("sample-percent: 100", "sample-percent: 120");
        InvalidRoutesFileException e = rejected(yaml);
        assertThat(e.problems())
                .extracting(ConfigProblem::line, ConfigProblem::field)
                .containsExactly(
                        tuple(3, "legacy.timeout"),
                        tuple(6, "services.catalog.uri"),
                        tuple(13, "routes[0].stage"),
                        tuple(16, "routes[0].fallback-to-legacy"),
                        tuple(19, "routes[0].shadow.sample-percent"));
        assertThat(e.getMessage())
                .startsWith("Invalid routes file " + FILE + ": ")
                .contains("routes.yml:3 legacy.timeout: bad duration 'soon'")
                .contains("routes.yml:13 routes[0].stage: unknown stage 'CANARI'")
                .contains("routes.yml:16 routes[0].fallback-to-legacy: 'yes' is not a boolean (write true or false)");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "2s, PT2S", "5m, PT5M", "1h, PT1H", "PT30S, PT30S", "250, PT0.25S"})
    void durationsAreReadAsSpringBootReadsThem(String written, String expected) {
        RoutesConfig config = RoutesFileParser.parse(FILE, VALID.replace("timeout: 2s", "timeout: " + written));
        assertThat(config.services().get("catalog").timeout()).isEqualTo(java.time.Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2 seconds|bad duration '2 seconds'",
                "0s|must be greater than zero",
                "-1s|must be greater than zero",
                "500us|must be at least 1ms"
            })
    void durationsThatAreNotPositiveDurationsAreRejectedWithTheReason(String written, String reason) {
        assertThat(rejected(VALID.replace("timeout: 2s", "timeout: " + written)).problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("services.catalog.timeout");
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.reason()).contains(reason);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "1", "y"})
    void booleansAreTrueOrFalseOnly(String written) {
        assertThat(rejected(VALID.replace("fallback-to-legacy: true", "fallback-to-legacy: " + written))
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("routes[0].fallback-to-legacy");
                    assertThat(p.line()).isEqualTo(15);
                    assertThat(p.reason()).endsWith("is not a boolean (write true or false)");
                });
        assertThat(rejected(VALID.replace("sample-percent: 100", "allow-unsafe: " + written))
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("routes[0].shadow.allow-unsafe"));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "True, true", "FALSE, false"})
    void trueAndFalseAreReadInAnyCase(String written, boolean expected) {
        RoutesConfig config = RoutesFileParser.parse(
                FILE, VALID.replace("fallback-to-legacy: true", "fallback-to-legacy: " + written));
        assertThat(config.routes().get(0).fallbackToLegacy()).isEqualTo(expected);
    }

    @Test
    void readsEventRoutes() {
        RoutesConfig config = RoutesFileParser.parse(FILE, VALID + """
                event-routes:
                  - id: delivery-events
                    switch: http://localhost:8081/internal/event-routes/delivery
                    stage: shadow
                """);
        assertThat(config.eventRoutes()).singleElement().satisfies(route -> {
            assertThat(route.id()).isEqualTo("delivery-events");
            assertThat(route.switchUri()).hasToString("http://localhost:8081/internal/event-routes/delivery");
            assertThat(route.stage()).isEqualTo(Stage.SHADOW);
            assertThat(route.line()).isEqualTo(20);
        });
        assertThat(RoutesFileParser.parse(FILE, VALID).eventRoutes()).isEmpty();
    }

    @Test
    void namesEveryProblemOfTheEventRoutesAtOnce() {
        InvalidRoutesFileException e = rejected(VALID + """
                event-routes:
                  - id: delivery-events
                    switch: http://localhost:8081/internal/event-routes/delivery
                    stage: MIGRATED
                  - id: delivery-events
                    switch: http://localhost:8081/internal/event-routes/delivery
                    stage: LEGACY
                  - id: payment-events
                    switch: http://localhost:8081
                    stage: CANARY
                  - switch: ftp://monolith/x
                    stage: LEGACY
                    percent: 5
                """);
        assertThat(e.problems())
                .extracting(ConfigProblem::line, ConfigProblem::field)
                .containsExactly(
                        tuple(23, "event-routes[1].id"),
                        tuple(27, "event-routes[2].switch"),
                        tuple(28, "event-routes[2].stage"),
                        tuple(31, "event-routes[3].percent"),
                        tuple(29, "event-routes[3].id"),
                        tuple(29, "event-routes[3].switch"));
        assertThat(e.getMessage())
                .contains("duplicate id 'delivery-events' (first used on line 20)")
                .contains("needs the switch's path")
                .contains("there is no CANARY")
                .contains("scheme must be http or https");
    }
}
