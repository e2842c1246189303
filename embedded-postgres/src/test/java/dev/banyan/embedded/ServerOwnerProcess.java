package dev.banyan.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Child JVM for the kill -9 test: owns a server, writes a row, signals readiness, then waits to be killed. */
public final class ServerOwnerProcess {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
                Statement s = c.createStatement()) {
            s.execute("create table dish(id int primary key, name text)");
            s.execute("insert into dish values (7, '냉면')");
        }
        Files.writeString(dataDir.resolve("owner-ready"), "ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
