package dev.banyan.cdc.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.banyan.cdc.config.PipelineConfig.ConflictPolicy;
import dev.banyan.cdc.config.PipelineConfig.RejectPolicy;
import dev.banyan.cdc.config.PipelineConfig.SnapshotMode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTests {

    static final Path FILE = Path.of("cdc.yml");
    final ConfigLoader loader =
            new ConfigLoader(Map.of("MONOLITH_DB_PASSWORD", "s3cret", "CATALOG_DB_PASSWORD", "an0ther")::get);

    static final String VALID = """
            pipelines:
              - name: catalog-forward
                source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan, password: ${MONOLITH_DB_PASSWORD} }
                target: { url: jdbc:postgresql://localhost:15433/catalog, user: banyan, password: ${CATALOG_DB_PASSWORD} }
                tables:
                  - from: catalog.restaurant
                    to: public.restaurant
                    key: [id]
                    columns: { name: name, phone: phone_number }
                  - from: catalog.menu_item
                    to: public.menu_item
                    key: [id]
            """;

    @Test
    void readsTheIssueExampleWithDefaultsAndEnvironmentSecrets() {
        BridgeConfig config = loader.parse(FILE, VALID);
        PipelineConfig p = config.pipelines().get(0);
        assertThat(p.name()).isEqualTo("catalog-forward");
        assertThat(p.source().password()).isEqualTo("s3cret");
        assertThat(p.target().password()).isEqualTo("an0ther");
        assertThat(p.source().parsed()).isEqualTo(new DatabaseEndpoint.JdbcTarget("localhost", 15432, "monolith"));
        assertThat(p.slotName()).isEqualTo("banyan_catalog_forward");
        assertThat(p.publicationName()).isEqualTo("banyan_catalog_forward");
        assertThat(p.snapshot()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(p.onReject()).isEqualTo(RejectPolicy.HALT);
        assertThat(p.conflicts().policy()).isEqualTo(ConflictPolicy.SOURCE_WINS);
        assertThat(p.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.tables()).hasSize(2);
        assertThat(p.tables().get(0).columns()).containsEntry("phone", "phone_number");
        assertThat(p.tables().get(1).key()).isEqualTo(List.of("id"));
        assertThat(p.source().toString()).doesNotContain("s3cret");
    }

    @Test
    void readsEveryOption() {
        BridgeConfig config = loader.parse(FILE, """
                pipelines:
                  - name: catalog-reverse
                    source: { url: "jdbc:postgresql://db:5433/catalog?sslmode=disable", user: banyan }
                    target: { url: jdbc:postgresql://db/monolith, user: banyan, password: "${MISSING:-fallback}" }
                    slot: my_slot
                    publication: my_pub
                    snapshot: never
                    batch-size: 500
                    heartbeat-interval: 2s
                    on-reject: dead-letter
                    retry: { attempts: 5, backoff: 50ms, max-backoff: 1m }
                    conflicts: { policy: last-writer-wins, wins-ties: false }
                    truncate: halt
                    missing-row: dead-letter
                    tables:
                      - { from: public.opening_hours, to: catalog.opening_hours, key: [restaurant_id, day_of_week], exclude: [note], version-column: updated_at }
                """);
        PipelineConfig p = config.pipelines().get(0);
        assertThat(p.source().parsed())
                .isEqualTo(new DatabaseEndpoint.JdbcTarget("db", 5433, "catalog", Map.of("sslmode", "disable")));
        assertThat(p.target().parsed().port()).isEqualTo(5432);
        assertThat(p.target().password()).isEqualTo("fallback");
        assertThat(p.slotName()).isEqualTo("my_slot");
        assertThat(p.snapshot()).isEqualTo(SnapshotMode.NEVER);
        assertThat(p.batchSize()).isEqualTo(500);
        assertThat(p.onReject()).isEqualTo(RejectPolicy.DEAD_LETTER);
        assertThat(p.retry()).isEqualTo(new PipelineConfig.Retry(5, Duration.ofMillis(50), Duration.ofMinutes(1)));
        assertThat(p.conflicts()).isEqualTo(new PipelineConfig.Conflicts(ConflictPolicy.LAST_WRITER_WINS, false));
        assertThat(p.truncate()).isEqualTo(PipelineConfig.TruncatePolicy.HALT);
        assertThat(p.missingRow()).isEqualTo(PipelineConfig.MissingRowPolicy.DEAD_LETTER);
        assertThat(p.tables().get(0).exclude()).containsExactly("note");
        assertThat(p.tables().get(0).versionColumn()).isEqualTo("updated_at");
    }

    private void rejects(String yaml, String message) {
        assertThatThrownBy(() -> loader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void namesTheFileLinePipelineFieldAndReasonOfEveryMistake() {
        rejects(
                VALID.replace("${MONOLITH_DB_PASSWORD}", "${NOT_SET}"),
                "cdc.yml:3: pipeline 'catalog-forward': source.password: environment variable NOT_SET is not set");
        rejects(
                VALID.replace("key: [id]\n        columns", "columns"),
                "cdc.yml:6: pipeline 'catalog-forward': tables[0].key: is missing; list the key columns, e.g. [id]");
        rejects(
                VALID.replace("user: banyan, password: ${CATALOG", "password: ${CATALOG"),
                "cdc.yml:4: pipeline 'catalog-forward': target.user: is missing");
        rejects(
                VALID.replace("jdbc:postgresql://localhost:15433/catalog", "postgres://localhost/catalog"),
                "cdc.yml:4: pipeline 'catalog-forward': target.url: 'postgres://localhost/catalog' must start with jdbc:postgresql://");
        rejects(
                VALID.replace("to: public.menu_item", "to: menu_item"),
                "cdc.yml:11: pipeline 'catalog-forward': tables[1].to: must be schema.table, was 'menu_item'");
        rejects(
                VALID.replace("    tables:", "    snapshot: sometimes\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': snapshot: must be one of initial, never, was 'sometimes'");
        rejects(
                VALID.replace("    tables:", "    on-reject: ignore\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': on-reject: must be one of halt, dead-letter, was 'ignore'");
        rejects(
                VALID.replace("    tables:", "    batch-size: 0\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': batch-size: must be between 1 and 100000, was 0");
        rejects(
                VALID.replace("    tables:", "    heartbeat-interval: soon\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': heartbeat-interval: must be a duration like 500ms, 10s or 1m, was 'soon'");
        rejects(
                VALID.replace("    tables:", "    tabels: []\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': tabels: is not a known field (known: batch-size, conflicts, debezium, "
                        + "heartbeat-interval, kind, missing-row, name, on-reject, publication, retry, slot, snapshot, source, tables, "
                        + "target, truncate)");
        rejects(
                VALID.replace("    tables:", "    truncate: ignore\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': truncate: must be one of apply, halt, was 'ignore'");
        rejects(
                VALID.replace("    tables:", "    missing-row: skip\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': missing-row: must be one of upsert, dead-letter, halt, was 'skip'");
        rejects(
                VALID.replace("columns: { name: name, phone: phone_number }", "columns: { name: name, phone: name }"),
                "cdc.yml:9: pipeline 'catalog-forward': tables[0].columns.phone: maps onto 'name', which another column already maps onto");
        rejects(
                VALID.replace("from: catalog.menu_item", "from: catalog.restaurant"),
                "cdc.yml:10: pipeline 'catalog-forward': tables[1].from: 'catalog.restaurant' is mapped twice");
        rejects(
                VALID.replace("name: catalog-forward", "name: Catalog_Forward"),
                "cdc.yml:2: pipelines[0]: name: 'Catalog_Forward' must be lower-case letters, digits and '-', starting with a letter (at most 41 characters)");
        rejects(
                VALID + VALID.replace("pipelines:\n", ""),
                "cdc.yml:13: pipeline 'catalog-forward': name: is used by more than one pipeline");
        rejects("pipelines: []\n", "cdc.yml:1: pipelines: must declare at least one pipeline");
        rejects("", "cdc.yml: pipelines: is missing; the file declares no pipelines");
        rejects(
                "pipelines: [ {name: x\n",
                "cdc.yml: not valid YAML at line 2, column 1: expected ',' or '}', but got <stream end>");
    }

    @Test
    void keepsTheUrlsConnectionParametersAsTheDriverReadsThem() {
        BridgeConfig config = loader.parse(
                FILE,
                VALID.replace(
                        "jdbc:postgresql://localhost:15432/monolith",
                        "\"jdbc:postgresql://db.internal:6432/monolith?sslmode=verify-full&sslrootcert=/etc/banyan/root%20ca.crt&tcpKeepAlive=true\""));
        DatabaseEndpoint.JdbcTarget source = config.pipelines().get(0).source().parsed();
        assertThat(source.host()).isEqualTo("db.internal");
        assertThat(source.port()).isEqualTo(6432);
        assertThat(source.database()).isEqualTo("monolith");
        assertThat(source.parameters())
                .isEqualTo(Map.of(
                        "sslmode", "verify-full", "sslrootcert", "/etc/banyan/root ca.crt", "tcpKeepAlive", "true"));
    }

    @Test
    void readsTheDebeziumPassThroughBlockWithEnvironmentValues() {
        BridgeConfig config = loader.parse(
                FILE,
                VALID.replace(
                        "    tables:",
                        "    debezium:\n      max.queue.size: 20000\n      database.sslpassword: ${MONOLITH_DB_PASSWORD}\n"
                                + "      snapshot.fetch.size: 5000\n    tables:"));
        assertThat(config.pipelines().get(0).debezium())
                .isEqualTo(Map.of(
                        "max.queue.size", "20000", "database.sslpassword", "s3cret", "snapshot.fetch.size", "5000"));
    }

    @Test
    void refusesDebeziumPropertiesTheBridgeOwnsNamingThem() {
        assertThatThrownBy(() -> loader.parse(
                        FILE, VALID.replace("    tables:", "    debezium: { slot.name: other }\n    tables:")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "cdc.yml:5: pipeline 'catalog-forward': debezium.slot.name: is set by the bridge and cannot be "
                                + "overridden (set the pipeline's slot instead); the bridge owns ")
                .hasMessageContaining("slot.name")
                .hasMessageContaining("snapshot.mode")
                .hasMessageContaining("offset.*");
        assertThatThrownBy(
                        () -> loader.parse(
                                FILE,
                                VALID.replace(
                                        "    tables:",
                                        "    debezium: { offset.storage: org.apache.kafka.connect.storage.FileOffsetBackingStore }\n    tables:")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "cdc.yml:5: pipeline 'catalog-forward': debezium.offset.storage: is set by the bridge and cannot be overridden;");
        assertThatThrownBy(() -> loader.parse(
                        FILE,
                        VALID.replace(
                                "    tables:",
                                "    debezium: { column.truncate.to.10.chars: catalog.restaurant.name }\n    tables:")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("debezium.column.truncate.to.10.chars: is set by the bridge");
        rejects(
                VALID.replace(
                        "jdbc:postgresql://localhost:15432/monolith",
                        "\"jdbc:postgresql://localhost:15432/monolith?hostname=elsewhere\""),
                "cdc.yml:3: pipeline 'catalog-forward': source.url: parameter 'hostname' cannot be set in the URL");
    }

    @Test
    void readsTheRetainedWalWarningAsASize() {
        assertThat(loader.parse(FILE, VALID).retainedWalWarningBytes()).isEqualTo(1L << 30);
        assertThat(loader.parse(FILE, "retained-wal-warning: 512MB\n" + VALID).retainedWalWarningBytes())
                .isEqualTo(512L << 20);
        rejects(
                "retained-wal-warning: lots\n" + VALID,
                "cdc.yml:1: retained-wal-warning: must be a size like 512MB or 2GB, was 'lots'");
    }

    @Test
    void theShippedExampleIsValid() {
        BridgeConfig config = new ConfigLoader(name -> null).load(Path.of("cdc.example.yml"));
        assertThat(config.pipelines())
                .extracting(PipelineConfig::name)
                .containsExactly("catalog-forward", "catalog-reverse");
        assertThat(config.pipelines().get(0).source().url()).isEqualTo("jdbc:postgresql://localhost:15432/monolith");
        assertThat(config.pipelines().get(0).target().url()).isEqualTo("jdbc:postgresql://localhost:15433/catalog");
        assertThat(config.pipelines().get(0).tables()).hasSize(4);
        assertThat(config.pipelines().get(1).snapshot()).isEqualTo(SnapshotMode.NEVER);
        assertThat(config.pipelines().get(1).tables().get(3).columns()).containsEntry("price_krw", "price");
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnceEachWithItsLine() {
        String yaml = """
                pipelines:
                  - name: catalog-forward
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan, password: ${NOT_SET} }
                    target: { url: postgres://localhost/catalog, user: banyan }
                    batch-size: 0
                    heartbeat-interval: soon
                    retry: { attempts: 3, backoff: 2s, max-backoff: 1s }
                    tables:
                      - from: catalog.restaurant
                        to: restaurant
                        key: [id]
                      - from: catalog.menu_item
                        to: public.menu_item
                        colums: { price: price_krw }
                  - name: Second
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan }
                    tables: []
                """;

        assertThatThrownBy(() -> loader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join(
                        "\n",
                        "cdc.yml:3: pipeline 'catalog-forward': source.password: environment variable NOT_SET is not set",
                        "cdc.yml:4: pipeline 'catalog-forward': target.url: 'postgres://localhost/catalog' must start with jdbc:postgresql://",
                        "cdc.yml:5: pipeline 'catalog-forward': batch-size: must be between 1 and 100000, was 0",
                        "cdc.yml:6: pipeline 'catalog-forward': heartbeat-interval: must be a duration like 500ms, 10s or 1m, was 'soon'",
                        "cdc.yml:7: pipeline 'catalog-forward': retry.max-backoff: must not be shorter than retry.backoff",
                        "cdc.yml:10: pipeline 'catalog-forward': tables[0].to: must be schema.table, was 'restaurant'",
                        "cdc.yml:14: pipeline 'catalog-forward': tables[1].colums: is not a known field (known: columns, exclude, from, "
                                + "key, to, version-column)",
                        "cdc.yml:12: pipeline 'catalog-forward': tables[1].key: is missing; list the key columns, e.g. [id]",
                        "cdc.yml:15: pipelines[1]: name: 'Second' must be lower-case letters, digits and '-', starting with a letter "
                                + "(at most 41 characters)",
                        "cdc.yml:15: pipelines[1]: target: is missing (url, user, password)",
                        "cdc.yml:17: pipelines[1]: tables: must map at least one table"));
    }

    @Test
    void reportsEveryProblemWithinOneTableAtOnce() {
        String yaml = """
                pipelines:
                  - name: catalog-forward
                    source: { url: jdbc:postgresql://localhost:15432/monolith, user: banyan }
                    target: { url: jdbc:postgresql://localhost:15433/catalog, user: banyan }
                    tables:
                      - from: catalog.restaurant
                        to: public.restaurant
                        key: [id, "bad key", id]
                        columns: { phone: "no good", fax: phone_number, mobile: phone_number }
                        exclude: [id, "x-y", phone]
                        version-column: "2nd"
                """;

        assertThatThrownBy(() -> loader.parse(FILE, yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        String.join(
                                "\n",
                                "cdc.yml:8: pipeline 'catalog-forward': tables[0].key: 'bad key' is not a plain column name",
                                "cdc.yml:8: pipeline 'catalog-forward': tables[0].key: lists 'id' twice",
                                "cdc.yml:9: pipeline 'catalog-forward': tables[0].columns.phone: 'no good' is not a plain column name",
                                "cdc.yml:9: pipeline 'catalog-forward': tables[0].columns.mobile: maps onto 'phone_number', which "
                                        + "another column already maps onto",
                                "cdc.yml:10: pipeline 'catalog-forward': tables[0].exclude: 'id' is a key column and cannot be excluded",
                                "cdc.yml:10: pipeline 'catalog-forward': tables[0].exclude: 'x-y' is not a plain column name",
                                "cdc.yml:11: pipeline 'catalog-forward': tables[0].version-column: '2nd' is not a plain column name"));
    }

    @Test
    void readsDurationsAsSpringBootWritesThem() {
        assertThat(heartbeat("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(heartbeat("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(heartbeat("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(heartbeat("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(heartbeat("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(heartbeat("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(heartbeat("750")).as("a bare number is milliseconds").isEqualTo(Duration.ofMillis(750));
        rejects(
                VALID.replace("    tables:", "    heartbeat-interval: 2 weeks\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': heartbeat-interval: must be a duration like 500ms, 10s or 1m, was '2 weeks'");
        rejects(
                VALID.replace("    tables:", "    retry: { backoff: -5s }\n    tables:"),
                "cdc.yml:5: pipeline 'catalog-forward': retry.backoff: must not be negative");
    }

    private Duration heartbeat(String written) {
        return loader.parse(FILE, VALID.replace("    tables:", "    heartbeat-interval: " + written + "\n    tables:"))
                .pipelines()
                .get(0)
                .heartbeatInterval();
    }

    @Test
    void acceptsOnlyTrueAndFalseAsBooleans() {
        assertThat(loader.parse(FILE, VALID.replace("    tables:", "    conflicts: { wins-ties: false }\n    tables:"))
                        .pipelines()
                        .get(0)
                        .conflicts()
                        .winsTies())
                .isFalse();
        for (String written : List.of("yes", "no", "on", "off", "True", "FALSE")) {
            rejects(
                    VALID.replace("    tables:", "    conflicts: { wins-ties: " + written + " }\n    tables:"),
                    "cdc.yml:5: pipeline 'catalog-forward': conflicts.wins-ties: must be true or false, was '" + written
                            + "'");
        }
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> loader.load(Path.of("does-not-exist.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("does-not-exist.yml: file does not exist");
    }
}
