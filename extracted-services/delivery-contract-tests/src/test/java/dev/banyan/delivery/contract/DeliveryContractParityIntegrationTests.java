package dev.banyan.delivery.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery contract parity suite: the same scenarios, in the same order, against legacy-monolith (orders placed
 * and accepted over HTTP, delivery assigned in-process) and delivery-service (orders accepted by an event on a real
 * Kafka broker). Every monolith answer must be what the contract says, and both answers must be equal once the
 * declared volatile fields are normalised.
 */
@ExtendWith(DeliveryApps.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryContractParityIntegrationTests {

    private final DeliveryApps apps;
    private MonolithDeliveryFixture monolith;
    private ServiceDeliveryFixture service;

    DeliveryContractParityIntegrationTests(DeliveryApps apps) {
        this.apps = apps;
    }

    @BeforeAll
    void fixtures() {
        monolith = new MonolithDeliveryFixture(apps.monolith.baseUrl());
        service = new ServiceDeliveryFixture(apps.service.baseUrl(), apps.kafka.bootstrapServers(), monolith.order());
    }

    @AfterAll
    void closeFixtures() {
        service.close();
    }

    @Test
    void monolithAndServiceAnswerEveryScenarioIdentically() throws SQLException {
        List<Scenario> scenarios = DeliveryScenarios.all();
        List<ScenarioRunner.Outcome> expected =
                ScenarioRunner.run(apps.monolith.baseUrl(), monolith, DeliveryScenarios.ORDERS, scenarios);
        List<ScenarioRunner.Outcome> actual =
                ScenarioRunner.run(apps.service.baseUrl(), service, DeliveryScenarios.ORDERS, scenarios);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            if (expected.get(i).status() != scenario.expectedStatus()) {
                failures.add(
                        "monolith answered " + expected.get(i).status() + " instead of " + scenario.expectedStatus()
                                + " to " + scenario + ": " + expected.get(i).rawBody());
            }
            // Compared as serialised text, so the order of JSON fields has to match as well.
            if (!actual.get(i)
                    .observed()
                    .toString()
                    .equals(expected.get(i).observed().toString())) {
                failures.add("delivery-service differs on " + scenario + "\n  monolith: "
                        + expected.get(i).observed() + "\n  service:  "
                        + actual.get(i).observed());
            }
        }
        writeReport(expected, actual);
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
        // The service's HTTP actions also produced their events: one assignment per order, one pickup, one completion.
        assertThat(outboxTypes()).contains("DeliveryAssigned", "DeliveryPickedUp", "DeliveryCompleted");
    }

    @Test
    void theSuiteNoticesADifference() throws SQLException {
        UUID onMonolith = monolith.acceptedOrder();
        UUID onService = service.acceptedOrder();
        try (Connection db = DriverManager.getConnection(apps.service.jdbcUrl(), "postgres", "");
                PreparedStatement change = db.prepareStatement(
                        "update delivery set drop_off_address = drop_off_address || ' ' " + "where order_id = ?")) {
            change.setObject(1, onService);
            assertThat(change.executeUpdate()).isEqualTo(1);
        }

        JsonNode expected = observed(apps.monolith.baseUrl(), onMonolith);
        JsonNode actual = observed(apps.service.baseUrl(), onService);

        assertThat(actual.toString()).isNotEqualTo(expected.toString());
        assertThat(actual.toString().replace("1203호 ", "1203호")).isEqualTo(expected.toString());
    }

    /** The normalised answer to GET of one delivery, with the order id as its only alias. */
    private static JsonNode observed(String baseUrl, UUID order) {
        JsonNode body = Http.expect(200, "GET", baseUrl + "/api/deliveries/" + order, null);
        return new Normalizer(java.util.Map.of(
                        order.toString(), "order", body.get("id").stringValue(), "delivery"))
                .normalize(body);
    }

    private List<String> outboxTypes() throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(apps.service.jdbcUrl(), "postgres", "");
                ResultSet rows = db.createStatement().executeQuery("select type from outbox order by occurred_at")) {
            while (rows.next()) {
                types.add(rows.getString(1));
            }
        }
        return types;
    }

    /** Every scenario with both normalised answers, for reading after a run. */
    private static void writeReport(List<ScenarioRunner.Outcome> monolith, List<ScenarioRunner.Outcome> service) {
        StringBuilder report = new StringBuilder("# Delivery contract parity: normalised answers\n");
        for (int i = 0; i < monolith.size(); i++) {
            report.append("\n## ")
                    .append(i + 1)
                    .append(". ")
                    .append(monolith.get(i).scenario())
                    .append("\n\nmonolith: `")
                    .append(monolith.get(i).observed())
                    .append("`\n\nservice:  `")
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
}
