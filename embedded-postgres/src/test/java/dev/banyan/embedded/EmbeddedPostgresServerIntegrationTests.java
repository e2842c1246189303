package dev.banyan.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossRestartsWithLogicalWal() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            server.ensureDatabase("shop");
            try (Connection c = connect(server, "shop");
                    Statement s = c.createStatement()) {
                s.execute("create table dish(id int primary key, name text)");
                s.execute("insert into dish values (1, '떡볶이')");
                assertThat(single(s, "show wal_level")).isEqualTo("logical");
            }
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDir, 0, false)) {
            again.ensureDatabase("shop");
            try (Connection c = connect(again, "shop");
                    Statement s = c.createStatement()) {
                assertThat(single(s, "select name from dish where id = 1")).isEqualTo("떡볶이");
            }
        }
    }

    @Test
    void takesOverADirectoryWhosePostmasterOutlivedAKilledOwner() throws Exception {
        Process owner = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServerOwnerProcess.class.getName(),
                        dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path ready = dataDir.resolve("owner-ready");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Files.exists(ready));
        long orphanPid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());

        owner.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs, the postmaster lives on
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .isTrue();

        try (EmbeddedPostgresServer successor = EmbeddedPostgresServer.start(dataDir, 0, false);
                Connection c = connect(successor, "postgres");
                Statement s = c.createStatement()) {
            assertThat(single(s, "select name from dish where id = 7")).isEqualTo("냉면");
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
    }

    @Test
    void ephemeralServerDeletesItsDirectory() {
        Path dir = dataDir.resolve("ephemeral");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, 0, true);
        assertThat(dir).isDirectory();
        server.close();
        assertThat(dir).doesNotExist();
    }

    @Test
    void rejectsUnsafeDatabaseNames() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            assertThatThrownBy(() -> server.ensureDatabase("x; drop table y"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("x; drop table y");
        }
    }

    @Test
    void aFailedStartNamesTheDirectoryAndTellsRootWhatToDo() throws Exception {
        Files.writeString(dataDir.resolve("PG_VERSION"), "9\n"); // a data directory of another major version
        String user = System.getProperty("user.name");
        System.setProperty("user.name", "root");
        try {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not start on data directory "
                            + dataDir.toAbsolutePath().normalize())
                    .hasMessageContaining("'unshare -U'")
                    .hasMessageContaining("spring.datasource.url");
        } finally {
            System.setProperty("user.name", user);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server, String database) throws Exception {
        return DriverManager.getConnection(server.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
