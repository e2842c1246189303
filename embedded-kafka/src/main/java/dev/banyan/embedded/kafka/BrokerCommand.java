package dev.banyan.embedded.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.banyan.embedded.kafka.EmbeddedKafkaBroker.Options;

/**
 * What the broker's child JVMs are started with: the {@code server.properties} written on every start and the java
 * command line (heap, GC, logging configuration, classpath), for the broker itself and for the storage format tool.
 */
final class BrokerCommand {

    private BrokerCommand() {}

    /** The broker's {@code server.properties}: one KRaft node, every internal topic with one replica. */
    static Path writeServerProperties(Path directory, int brokerPort, int controllerPort) throws IOException {
        String properties = String.join(
                "\n",
                "# Written by Banyan's embedded Kafka on every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
        Path config = directory.resolve("server.properties");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return config;
    }

    /** The child JVM's command line for {@code mainClass}, writing the {@code log4j2.properties} it points to. */
    static List<String> javaCommand(Options options, String classpath, Path directory, String mainClass, String... args)
            throws IOException {
        Path log4j = directory.resolve("log4j2.properties");
        Files.writeString(
                log4j,
                String.join(
                        "\n",
                        "status=warn",
                        "appender.out.type=Console",
                        "appender.out.name=out",
                        "appender.out.layout.type=PatternLayout",
                        "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                        "rootLogger.level=INFO",
                        "rootLogger.appenderRef.out.ref=out",
                        "logger.kafka.name=kafka",
                        "logger.kafka.level=INFO",
                        "logger.apache.name=org.apache.kafka",
                        "logger.apache.level=INFO",
                        ""),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap(),
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dbanyan.embedded-kafka.dir=" + directory,
                "-cp",
                classpath,
                mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
