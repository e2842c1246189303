package dev.banyan.catalog.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract parity suite: the same scenarios, in the same order, against legacy-monolith and catalog-service
 * (each started from its boot jar on its own database holding the same data). Every answer must be what the
 * contract says (status) and both answers must be equal once the declared volatile fields are normalised.
 */
@ExtendWith(CatalogApps.Extension.class)
class CatalogContractParityIntegrationTests {

    private final CatalogApps apps;

    CatalogContractParityIntegrationTests(CatalogApps apps) {
        this.apps = apps;
    }

    @BeforeEach
    void sameDataInBoth() {
        Map<String, Integer> copied = CatalogFixture.loadBoth(apps);
        assertThat(copied.get("public.restaurant")).isEqualTo(CatalogFixture.RESTAURANTS.size());
        assertThat(copied.get("public.category")).isPositive();
    }

    @Test
    void monolithAndServiceAnswerEveryScenarioIdentically() {
        List<Scenario> scenarios = CatalogScenarios.all();
        List<ScenarioRunner.Outcome> monolith = ScenarioRunner.run(apps.monolith.baseUrl(), scenarios);
        List<ScenarioRunner.Outcome> service = ScenarioRunner.run(apps.service.baseUrl(), scenarios);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            ScenarioRunner.Outcome expected = monolith.get(i);
            ScenarioRunner.Outcome actual = service.get(i);
            if (expected.status() != scenario.expectedStatus()) {
                failures.add("monolith answered " + expected.status() + " instead of " + scenario.expectedStatus()
                        + " to " + scenario + ": " + expected.rawBody());
            }
            // Compared as serialised text, so the order of JSON fields has to match as well.
            if (!actual.observed().toString().equals(expected.observed().toString())) {
                failures.add("catalog-service differs on " + scenario + "\n  monolith: " + expected.observed()
                        + "\n  service:  " + actual.observed());
            }
        }
        writeReport(monolith, service);
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
        assertThat(scenarios).hasSizeGreaterThan(60);
    }

    @Test
    void bothDatabasesHoldTheSameRowsAfterTheSameWrites() throws SQLException {
        List<Scenario> writes = CatalogScenarios.writes();
        ScenarioRunner.run(apps.monolith.baseUrl(), writes);
        ScenarioRunner.run(apps.service.baseUrl(), writes);
        try (Connection monolith = DriverManager.getConnection(apps.monolith.jdbcUrl(), "postgres", "");
                Connection service = DriverManager.getConnection(apps.service.jdbcUrl(), "postgres", "")) {
            for (CatalogTableMapping.Table table : CatalogTableMapping.TABLES) {
                assertThat(count(service, table.target()))
                        .as(table.target())
                        .isEqualTo(count(monolith, table.source()));
            }
            assertThat(prices(service, "select name, price_krw from public.menu_item order by 1, 2"))
                    .isEqualTo(prices(monolith, "select name, price from catalog.menu_item order by 1, 2"));
        }
    }

    @Test
    void theTableMappingCoversEveryColumnOnBothSides() throws SQLException {
        try (Connection monolith = DriverManager.getConnection(apps.monolith.jdbcUrl(), "postgres", "");
                Connection service = DriverManager.getConnection(apps.service.jdbcUrl(), "postgres", "")) {
            for (CatalogTableMapping.Table table : CatalogTableMapping.TABLES) {
                assertThat(columns(monolith, table.source()))
                        .as("columns of " + table.source())
                        .containsExactlyInAnyOrderElementsOf(table.columns().keySet());
                assertThat(columns(service, table.target()))
                        .as("columns of " + table.target())
                        .containsExactlyInAnyOrderElementsOf(table.columns().values());
            }
        }
    }

    @Test
    void theSuiteNoticesADifference() {
        List<Scenario> one = List.of(Scenario.get(
                "detail",
                "/api/restaurants/" + CatalogFixture.restaurant("굽네치킨").id(),
                200));
        try (Connection service = DriverManager.getConnection(apps.service.jdbcUrl(), "postgres", "")) {
            service.createStatement()
                    .execute("update public.restaurant set address = address || ' ' " + "where name = '굽네치킨'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonNode monolith =
                ScenarioRunner.run(apps.monolith.baseUrl(), one).get(0).observed();
        JsonNode service =
                ScenarioRunner.run(apps.service.baseUrl(), one).get(0).observed();
        assertThat(service).isNotEqualTo(monolith);
    }

    /** Every scenario with both normalised answers, for reading after a run. */
    private static void writeReport(List<ScenarioRunner.Outcome> monolith, List<ScenarioRunner.Outcome> service) {
        StringBuilder report = new StringBuilder("# Catalog contract parity: normalised answers\n");
        for (int i = 0; i < monolith.size(); i++) {
            report.append("\n## ")
                    .append(i + 1)
                    .append(". ")
                    .append(monolith.get(i).scenario())
                    .append("\n\n")
                    .append("monolith: `")
                    .append(monolith.get(i).observed())
                    .append("`\n\n")
                    .append("service:  `")
                    .append(service.get(i).observed())
                    .append("`\n");
        }
        try {
            Path file = Path.of(System.getProperty("banyan.contract.logs", "target/app-logs"))
                    .resolveSibling("contract-parity-report.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> prices(Connection connection, String sql) throws SQLException {
        Map<String, Long> prices = new LinkedHashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                prices.merge(rows.getString(1), rows.getLong(2), Long::sum);
            }
        }
        return prices;
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        String[] parts = table.split("\\.");
        List<String> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("select column_name from information_schema.columns "
                + "where table_schema = ? and table_name = ? order by ordinal_position")) {
            statement.setString(1, parts[0]);
            statement.setString(2, parts[1]);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
