import dev.banyan.embedded.kafka.EmbeddedKafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Per round, on a fresh directory: start (format included), produce N records with acks=all, read the broker
 * JVM's heap (jcmd GC.heap_info) and peak RSS (/proc VmHWM), stop. Both sides run in the same run; medians printed.
 */
public class KafkaStartBench {

    // kafka-server-start.sh's defaults (KAFKA_HEAP_OPTS and KAFKA_JVM_PERFORMANCE_OPTS).
    static final List<String> KAFKA_DEFAULT_OPTS = List.of("-Xmx1G", "-Xms1G", "-server", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent",
            "-XX:MaxInlineLevel=15", "-Djava.awt.headless=true");

    static Path log4jConfig;

    record Round(double startSeconds, double produceSeconds, double stopSeconds, long heapUsedMb, long heapCommittedMb,
                 long peakRssMb) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int records = Integer.parseInt(args[1]);
        System.out.printf("cores=%d java=%s rounds=%d records=%d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), rounds, records);
        List<Round> embedded = new ArrayList<>();
        List<Round> baseline = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) { // alternate, so drift on a noisy machine hits both sides
            embedded.add(print("embedded", i, embedded(records)));
            baseline.add(print("by-hand ", i, byHand(records)));
        }
        Round e = median(embedded);
        Round b = median(baseline);
        System.out.println("median    start(s) produce(s) stop(s) heapUsed(MB) heapCommitted(MB) peakRSS(MB)");
        System.out.println(format("embedded", e));
        System.out.println(format("by-hand ", b));
        System.out.printf("ratio embedded/by-hand: start %.2f, produce %.2f, heap used %.2f, peak RSS %.2f%n",
                e.startSeconds / b.startSeconds, e.produceSeconds / b.produceSeconds,
                (double) e.heapUsedMb / b.heapUsedMb, (double) e.peakRssMb / b.peakRssMb);
    }

    static Round embedded(int records) throws Exception {
        Path dir = Files.createTempDirectory("bench-embedded-kafka-");
        long t0 = System.nanoTime();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0,
                EmbeddedKafkaBroker.Options.defaults().withEphemeral(true));
        long t1 = System.nanoTime();
        produce(broker.bootstrapServers(), records);
        long t2 = System.nanoTime();
        long[] heap = heap(broker.pid());
        long rss = peakRssMb(broker.pid());
        long t3 = System.nanoTime();
        broker.close();
        long t4 = System.nanoTime();
        return new Round(s(t1 - t0), s(t2 - t1), s(t4 - t3), heap[0], heap[1], rss);
    }

    static Round byHand(int records) throws Exception {
        Path dir = Files.createTempDirectory("bench-by-hand-kafka-");
        int port = freePort();
        int controller = freePort();
        Path config = Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1", ""));
        Path log = dir.resolve("broker.log");
        // kafka-server-start points log4j2 at config/log4j2.yaml (INFO to stdout); without one nothing says "started".
        log4jConfig = Files.writeString(dir.resolve("log4j2.properties"), String.join("\n", "appender.out.type=Console",
                "appender.out.name=out", "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n", "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out", ""));
        long t0 = System.nanoTime();
        String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
        Process format = java(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()), log);
        if (format.waitFor() != 0) {
            throw new IllegalStateException("format failed, see " + log);
        }
        Process broker = java(List.of("kafka.Kafka", config.toString()), log);
        while (!Files.readString(log).contains("Kafka Server started")) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("broker died, see " + log);
            }
            broker.waitFor(100, TimeUnit.MILLISECONDS);
        }
        long t1 = System.nanoTime();
        produce("127.0.0.1:" + port, records);
        long t2 = System.nanoTime();
        long[] heap = heap(broker.pid());
        long rss = peakRssMb(broker.pid());
        long t3 = System.nanoTime();
        broker.destroy();
        broker.waitFor();
        long t4 = System.nanoTime();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return new Round(s(t1 - t0), s(t2 - t1), s(t4 - t3), heap[0], heap[1], rss);
    }

    static Process java(List<String> main, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(KAFKA_DEFAULT_OPTS);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig.toUri());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(main);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    static void produce(String bootstrap, int records) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench", "order-" + (i % 100), "주문 " + i + " 접수: 떡볶이 2인분"));
            }
            producer.flush();
        }
    }

    /** {used, committed} MB from "garbage-first heap   total 123456K, used 65432K". */
    static long[] heap(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected jcmd output: " + out);
        }
        return new long[] {Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024};
    }

    static long peakRssMb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for " + pid);
    }

    static Round median(List<Round> rounds) {
        return new Round(med(rounds.stream().mapToDouble(Round::startSeconds).toArray()),
                med(rounds.stream().mapToDouble(Round::produceSeconds).toArray()),
                med(rounds.stream().mapToDouble(Round::stopSeconds).toArray()),
                (long) med(rounds.stream().mapToDouble(Round::heapUsedMb).toArray()),
                (long) med(rounds.stream().mapToDouble(Round::heapCommittedMb).toArray()),
                (long) med(rounds.stream().mapToDouble(Round::peakRssMb).toArray()));
    }

    static double med(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static Round print(String side, int round, Round r) {
        System.out.println(format(side + " #" + round, r));
        return r;
    }

    static String format(String label, Round r) {
        return String.format("%-12s %6.2f %8.2f %7.2f %10d %14d %12d", label, r.startSeconds, r.produceSeconds,
                r.stopSeconds, r.heapUsedMb, r.heapCommittedMb, r.peakRssMb);
    }

    static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static double s(long nanos) {
        return nanos / 1e9;
    }
}
