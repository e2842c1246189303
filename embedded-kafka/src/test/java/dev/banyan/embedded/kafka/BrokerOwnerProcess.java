package dev.banyan.embedded.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

/** Child JVM for the kill -9 test: owns a broker, signals readiness with its address, then waits to be killed. */
public final class BrokerOwnerProcess {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
        Files.writeString(dataDir.resolve("owner-ready"), broker.bootstrapServers());
        Thread.sleep(Long.MAX_VALUE);
    }
}
