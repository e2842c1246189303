package dev.banyan.embedded.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.banyan.embedded.EmbeddedPostgresServer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownOrderIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void theDatabaseOutlivesTheBeansThatWriteWhileTheApplicationStops() throws Exception {
        Process application = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ShutdownOrderApplication.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("application.log").toFile())
                .start();
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(dir.resolve("ready")));

        application.destroy(); // SIGTERM, as Ctrl-C or a service manager sends it

        assertThat(application.waitFor(20, TimeUnit.SECONDS))
                .as("the application stops promptly; log: %s", dir.resolve("application.log"))
                .isTrue();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("db"), 0, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl("app"), EmbeddedPostgresServer.USER, "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select said from farewell")) {
            assertThat(rows.next())
                    .as("the write made during shutdown was committed")
                    .isTrue();
            assertThat(rows.getString(1)).isEqualTo("잘 가요");
        }
    }
}
