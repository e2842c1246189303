package dev.banyan.architecture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.banyan.architecture.boundary.FindingKind;
import dev.banyan.architecture.cli.SampleCodebase.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.banyan.architecture.cli.SampleCodebase.config;
import static dev.banyan.architecture.cli.SampleCodebase.lineOf;
import static dev.banyan.architecture.cli.SampleCodebase.run;
import static dev.banyan.architecture.cli.SampleCodebase.testClasses;
import static org.assertj.core.api.Assertions.assertThat;

class BoundaryCheckTests {

    static final List<String> EXPECTED_KEYS = List.of(
            "non-api-access | ordering -> catalog | com.acme.ordering.OrderService | place(Order, ProductId) | constructor-call | com.acme.catalog.internal.Products",
            "non-api-access | ordering -> catalog | com.acme.ordering.OrderService | place(Order, ProductId) | method-call | com.acme.catalog.internal.Products",
            "ddd-aggregate-reference | ordering -> ordering | com.acme.ordering.Order | cart | field-type | com.acme.ordering.Cart",
            "ddd-value-object-reference | ordering -> ordering | com.acme.ordering.ShippingLabel | order | field-type | com.acme.ordering.Order",
            "ddd-foreign-entity | ordering -> ordering | com.acme.ordering.Cart | draft | field-type | com.acme.ordering.OrderLine",
            "ddd-missing-identity | ordering -> ordering | com.acme.ordering.Invoice |  | identity | ",
            "forbidden-dependency | ordering -> payment | com.acme.ordering.OrderService | <init>() | constructor-call | com.acme.payment.PaymentGateway",
            "forbidden-dependency | ordering -> payment | com.acme.ordering.OrderService | payments | field-type | com.acme.payment.PaymentGateway",
            "forbidden-dependency | ordering -> payment | com.acme.ordering.OrderService | place(Order, ProductId) | method-call | com.acme.payment.PaymentGateway",
            "forbidden-dependency | payment -> ordering | com.acme.payment.PaymentGateway | charge(OrderId, Money) | parameter-type | com.acme.ordering.Order$OrderId",
            "cycle | ordering -> ordering |  | ordering -> payment -> ordering | cycle | ");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    void findsEveryKindOfViolationInTheSampleCodebase() throws IOException {
        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                config().toString(),
                "--report-dir",
                temp.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BoundaryCheck.VIOLATIONS);
        JsonNode report = JSON.readTree(temp.resolve(BoundaryCheck.JSON_REPORT).toFile());
        List<String> keys = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        report.get("findings").forEach(finding -> {
            keys.add(finding.get("key").asString());
            kinds.add(finding.get("kind").asString());
            assertThat(finding.get("status").asString()).isEqualTo("new");
        });
        assertThat(keys).containsExactlyElementsOf(EXPECTED_KEYS);
        assertThat(kinds)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(FindingKind.values()).map(FindingKind::id).toList());
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("summary").get("new").asInt()).isEqualTo(EXPECTED_KEYS.size());
    }

    @Test
    void allowsApiPackagesOfUsableContextsAndDomainEventsOutsideThem() throws IOException {
        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                config().toString(),
                "--report-dir",
                temp.toString());

        String json = Files.readString(temp.resolve(BoundaryCheck.JSON_REPORT));
        assertThat(run.out())
                .doesNotContain("ProductDiscontinued")
                .doesNotContain("CatalogApi")
                .doesNotContain("com.acme.shared");
        assertThat(json)
                .doesNotContain("ProductDiscontinued")
                .doesNotContain("CatalogApi")
                .doesNotContain("com.acme.shared");
        assertThat(json).contains("\"targetClass\": \"com.acme.catalog.internal.Products\"");
    }

    @Test
    void reportsTheLineOfEveryCallThatCrossesABoundary() throws IOException {
        run("--classes", testClasses().toString(), "--config", config().toString(), "--report-dir", temp.toString());

        JsonNode findings =
                JSON.readTree(temp.resolve(BoundaryCheck.JSON_REPORT).toFile()).get("findings");
        assertThat(occurrence(findings, 8))
                .isEqualTo("OrderService.java:"
                        + lineOf("com/acme/ordering/OrderService.java", "violation: forbidden-dependency")
                        + " PaymentGateway.charge(OrderId, Money)");
        assertThat(occurrence(findings, 1))
                .isEqualTo("OrderService.java:"
                        + lineOf("com/acme/ordering/OrderService.java", "violation: non-api-access")
                        + " Products.byId(ProductId)");
        assertThat(occurrence(findings, 6))
                .isEqualTo("OrderService.java:" + lineOf("com/acme/ordering/OrderService.java", "new PaymentGateway()")
                        + " PaymentGateway.<init>()");
        assertThat(occurrence(findings, 7)).isEqualTo("OrderService.java:0 field payments : PaymentGateway");
    }

    private static String occurrence(JsonNode findings, int index) {
        JsonNode where = findings.get(index).get("occurrences").get(0);
        return where.get("file").asString() + ":" + where.get("line").asInt() + " "
                + where.get("detail").asString();
    }

    @Test
    void consoleGroupsViolationsByContextPairWithClassMemberAndLine() {
        Run run = run("--classes", testClasses().toString(), "--config", config().toString());

        String out = run.out();
        int catalogGroup = out.indexOf("\nordering -> catalog  (2 violations)\n");
        int withinGroup = out.indexOf("\nordering (within the context)  (4 violations)\n");
        int paymentGroup = out.indexOf("\nordering -> payment  (3 violations)\n");
        int backGroup = out.indexOf("\npayment -> ordering  (1 violation)\n");
        int cycleGroup = out.indexOf("\ncycle ordering -> payment -> ordering  (1 violation)\n");
        assertThat(List.of(catalogGroup, withinGroup, paymentGroup, backGroup, cycleGroup))
                .doesNotContain(-1)
                .isSorted();
        int call = out.indexOf(
                "com.acme.ordering.OrderService.place(Order, ProductId)  method-call -> com.acme.payment.PaymentGateway\n"
                        + "        at OrderService.java:"
                        + lineOf("com/acme/ordering/OrderService.java", "violation: forbidden-dependency")
                        + "  PaymentGateway.charge(OrderId, Money)");
        assertThat(call).isBetween(paymentGroup, backGroup);
        assertThat(out)
                .contains("[forbidden-dependency] context 'ordering' may not use context 'payment' (may-use: catalog)");
        assertThat(out).contains("[ddd-aggregate-reference] Order.cart references aggregate Cart by object");
        assertThat(out).endsWith("11 violations. FAILED\n");
    }

    @Test
    void readsJarsAndSpringBootJarsLikeClassDirectories() throws IOException {
        Path plain = SampleCodebase.jar(temp, "sample.jar", "");
        Path boot = SampleCodebase.jar(temp, "sample-boot.jar", "BOOT-INF/classes/");

        for (Path jar : List.of(plain, boot)) {
            Path reports = temp.resolve(jar.getFileName() + "-reports");
            Run run = run(
                    "--classes", jar.toString(), "--config", config().toString(), "--report-dir", reports.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(BoundaryCheck.VIOLATIONS);
            List<String> keys = new ArrayList<>();
            JSON.readTree(reports.resolve(BoundaryCheck.JSON_REPORT).toFile())
                    .get("findings")
                    .forEach(f -> keys.add(f.get("key").asString()));
            assertThat(keys).as(jar.getFileName().toString()).containsExactlyElementsOf(EXPECTED_KEYS);
        }
    }

    @Test
    void acceptsSeveralInputsSeparatedByCommas() throws IOException {
        Path jar = SampleCodebase.jar(temp, "sample.jar", "");
        Path emptyOfContexts = Files.createDirectories(temp.resolve("other"));
        Files.copy(testClasses().resolve("com/acme/shared/Money.class"), emptyOfContexts.resolve("Money.class"));

        Run run = run("--classes", jar + "," + emptyOfContexts, "--config", config().toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.VIOLATIONS);
        assertThat(run.out()).contains("15 classes in contexts").endsWith("11 violations. FAILED\n");
    }

    @Test
    void writesJunitXmlWithOneFailedTestCasePerNewViolation() throws Exception {
        run("--classes", testClasses().toString(), "--config", config().toString(), "--report-dir", temp.toString());

        Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(temp.resolve(BoundaryCheck.JUNIT_REPORT).toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(EXPECTED_KEYS.size()));
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(EXPECTED_KEYS.size() + 1));
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            names.add(testCase.getAttribute("classname") + " / " + testCase.getAttribute("name"));
        }
        assertThat(names)
                .contains(
                        "boundaries.ordering.to.payment / forbidden-dependency: com.acme.ordering.OrderService.place(Order, ProductId) method-call -> com.acme.payment.PaymentGateway",
                        "boundaries.ordering.cycles / cycle: ordering -> payment -> ordering",
                        "boundaries.catalog / context catalog respects its boundaries");
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .contains("com.acme.catalog.internal.Products is not in the API of context 'catalog'");
        assertThat(failure.getTextContent())
                .contains("at OrderService.java:"
                        + lineOf("com/acme/ordering/OrderService.java", "violation: non-api-access"));
    }

    @Test
    void writesMarkdownSummaryWithTheContextDependencyMatrix() throws IOException {
        run("--classes", testClasses().toString(), "--config", config().toString(), "--report-dir", temp.toString());

        JsonNode matrix =
                JSON.readTree(temp.resolve(BoundaryCheck.JSON_REPORT).toFile()).get("matrix");
        int orderingToCatalog = cell(matrix, "ordering", "catalog", "dependencies");
        int orderingToPayment = cell(matrix, "ordering", "payment", "dependencies");
        int paymentToOrdering = cell(matrix, "payment", "ordering", "dependencies");
        assertThat(orderingToCatalog).isGreaterThan(2);
        assertThat(cell(matrix, "ordering", "catalog", "violations")).isEqualTo(2);
        assertThat(orderingToPayment).isEqualTo(3);
        assertThat(paymentToOrdering).isEqualTo(1);

        String markdown = Files.readString(temp.resolve(BoundaryCheck.MARKDOWN_REPORT));
        assertThat(markdown).contains("| from \\ to | catalog | ordering | payment | total out |");
        assertThat(markdown).contains("| **catalog** | · |  |  | 0 |");
        assertThat(markdown)
                .contains("| **ordering** | " + orderingToCatalog + " (2) | · | 3 (3) | " + (orderingToCatalog + 3)
                        + " |");
        assertThat(markdown).contains("| **payment** |  | 1 (1) | · | 1 |");
        assertThat(markdown).contains("- **new** `ordering -> payment -> ordering`");
        // extraction candidates, cheapest first: payment (4 dependencies) before catalog before ordering
        String candidates =
                markdown.substring(markdown.indexOf("## Extraction candidates"), markdown.indexOf("## Cycles"));
        assertThat(candidates.indexOf("| payment |")).isLessThan(candidates.indexOf("| catalog |"));
        assertThat(candidates.indexOf("| catalog |")).isLessThan(candidates.indexOf("| ordering |"));
        assertThat(markdown)
                .contains(
                        "| **new** | ordering -> payment | forbidden-dependency | `com.acme.ordering.OrderService.place(Order, ProductId)` | method-call | `com.acme.payment.PaymentGateway` | OrderService.java:"
                                + lineOf("com/acme/ordering/OrderService.java", "violation: forbidden-dependency")
                                + " |");
    }

    private static int cell(JsonNode matrix, String from, String to, String field) {
        for (JsonNode cell : matrix) {
            if (cell.get("from").asString().equals(from)
                    && cell.get("to").asString().equals(to)) {
                return cell.get(field).asInt();
            }
        }
        return 0;
    }

    @Test
    void passesWithExitZeroWhenTheCodebaseRespectsItsBoundaries() throws IOException {
        Path permissive = temp.resolve("permissive.yml");
        Files.writeString(permissive, """
                contexts:
                  catalog:  { packages: [com.acme.catalog..] }
                  ordering: { packages: [com.acme.ordering..], may-use: [catalog, payment] }
                  payment:  { packages: [com.acme.payment..], may-use: [ordering] }
                rules:
                  no-cycles: false
                  ddd: false
                """);

        Run run = run(
                "--classes",
                testClasses().toString(),
                "--config",
                permissive.toString(),
                "--report-dir",
                temp.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(BoundaryCheck.OK);
        assertThat(run.out()).contains("No boundary violations. PASSED");
        assertThat(Files.readString(temp.resolve(BoundaryCheck.JSON_REPORT)))
                .contains("\"passed\": true")
                .contains("\"findings\": []");
        assertThat(Files.readString(temp.resolve(BoundaryCheck.JUNIT_REPORT)))
                .contains("failures=\"0\"")
                .contains("name=\"context ordering respects its boundaries\"");
    }

    @Test
    void rulesCanBeSwitchedOff() throws IOException {
        Path noDdd = temp.resolve("no-ddd.yml");
        Files.writeString(
                noDdd,
                Files.readString(config())
                        .replace("ddd: true", "ddd: false")
                        .replace("no-cycles: true", "no-cycles: false"));

        Run run = run("--classes", testClasses().toString(), "--config", noDdd.toString());

        assertThat(run.exitCode()).isEqualTo(BoundaryCheck.VIOLATIONS);
        assertThat(run.out())
                .doesNotContain("[ddd-")
                .doesNotContain("[cycle]")
                .contains("[forbidden-dependency]")
                .endsWith("6 violations. FAILED\n");
    }

    @Test
    void treatsAContextWithoutApiAsEntirelyPublic() throws IOException {
        Path noApi = temp.resolve("no-api.yml");
        Files.writeString(noApi, Files.readString(config()).replace(", api: [com.acme.catalog.api..]", ""));

        Run run = run("--classes", testClasses().toString(), "--config", noApi.toString());

        assertThat(run.out()).doesNotContain("[non-api-access]").contains("[forbidden-dependency]");
    }

    @Test
    void printsUsageOnHelp() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Usage: java -jar boundary-check.jar ")
                .contains(
                        "--classes",
                        "--config",
                        "--baseline",
                        "--freeze",
                        "--report-dir",
                        "--version",
                        "Exit codes: 0");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsItsVersion() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        // the version comes from the jar's manifest; run from the class directory there is none (the jar test checks
        // it)
        assertThat(run.out()).isEqualTo("boundary-check (development build, not run from its jar)\n");
    }

    @Test
    void acceptsOptionValuesAfterAnEqualsSign() {
        Run run = run("--classes=" + testClasses(), "--config=" + config());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BoundaryCheck.VIOLATIONS);
        assertThat(run.out()).contains("\n11 violations. FAILED\n");
    }
}
