import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Strangler proxy benchmark, one run: a direct call to a backend, a bare Spring Cloud Gateway route to the same
 * backend (the same jar with banyan.enabled=false and one property-defined route), and the Banyan proxy at each
 * stage. For each: throughput at saturation (closed loop) and p50/p99 at a fixed rate (open loop, latency measured
 * from the intended send time so a stall is not hidden), each as a ratio to direct; and the proxy's heap.
 *
 * Both proxies run side by side for the whole run and the scenarios alternate over several rounds (the order
 * rotates each round), so a slow spell on the machine cannot favour one of them; medians are reported, and the ratio
 * to bare Spring Cloud Gateway is taken within each round.
 *
 * Options (-Dname=value): jar, backends (1 or 2, default 1), rounds (default 3), seconds (measure per scenario,
 * default 10), warmup (per scenario, default 5), jvmwarmup (once per proxy JVM, default 30), connections
 * (saturation, default 32), rate (default 500), heap (proxy -Xmx, default 256m).
 */
public class ProxyBench {

    static final byte[] BODY = ("{\"id\":42,\"name\":\"김밥천국 강남점\",\"category\":\"KOREAN\",\"open\":true,"
            + "\"menu\":[{\"name\":\"참치김밥\",\"price\":4500},{\"name\":\"라볶이\",\"price\":6000}],"
            + "\"address\":\"서울특별시 강남구 테헤란로 123\"}").getBytes(StandardCharsets.UTF_8);

    static final Path JAR = Path.of(System.getProperty("jar", "strangler-proxy/target/strangler-proxy.jar"));

    static final int SECONDS = Integer.getInteger("seconds", 10);

    static final int WARMUP = Integer.getInteger("warmup", 5);

    static final int CONNECTIONS = Integer.getInteger("connections", 32);

    static final int RATE = Integer.getInteger("rate", 500);

    static final String HEAP = System.getProperty("heap", "256m");

    /** Saturation run right after a proxy JVM starts, so the JIT has compiled the hot path before anything counts. */
    static final int JVM_WARMUP = Integer.getInteger("jvmwarmup", 30);

    /** Backend servers: 1 (legacy and the service are the same server) or 2. */
    static final int BACKENDS = Integer.getInteger("backends", 1);

    /** Measured rounds; every scenario is measured once per round, in an order that rotates from round to round. */
    static final int ROUNDS = Integer.getInteger("rounds", 3);

    record Result(String name, double rps, double p50, double p99, String heap) {
    }

    /** One proxy scenario: the proxy's port (also where its heap is read) and, for Banyan, the stage it needs. */
    record Scenario(String name, int port, String stage) {
    }

    static final String BARE = "bare Spring Cloud Gateway";

    public static void main(String[] args) throws Exception {
        // Without it the JDK server's header and body writes meet Nagle and delayed ACKs: 40 ms per response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (!Files.exists(JAR)) {
            System.err.println("Proxy jar not found: " + JAR + " (build it: ./mvnw -B package -DskipTests -pl strangler-proxy -am)");
            System.exit(2);
        }
        // One backend server plays legacy and the service by default, so every scenario costs the backend the same
        // and the ratios measure the proxy alone. With -Dbackends=2 the service is a second server (same thread
        // pool); splitting traffic over two JDK servers costs them more than sending it all to one (each has its own
        // dispatcher thread on the same 2 cores), which can show up as lower CANARY and SHADOW throughput.
        java.util.concurrent.ExecutorService backendThreads = Executors.newFixedThreadPool(8);
        int legacyPort = backend(backendThreads);
        int servicePort = BACKENDS == 2 ? backend(backendThreads) : legacyPort;
        System.out.printf("backends: legacy :%d, service :%d (JDK HttpServer, %d-byte JSON)%n", legacyPort, servicePort, BODY.length);

        Result direct = measure("direct (backend)", legacyPort, null);

        // Both proxies stay up for the whole run (the idle one costs next to nothing), so their scenarios can
        // alternate and drift on the machine falls on both alike.
        int barePort = freePort();
        Process bare = startProxy(barePort, List.of("--banyan.enabled=false",
                "--spring.cloud.gateway.server.webflux.routes[0].id=bare",
                "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:" + legacyPort,
                "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**"));
        Path dir = Files.createTempDirectory("banyan-bench");
        Path routes = dir.resolve("routes.yml");
        int proxyPort = freePort();
        int adminPort = freePort();
        String token = "bench-" + System.nanoTime();
        Files.writeString(routes, """
                legacy: {uri: "http://127.0.0.1:%d"}
                services:
                  catalog: {uri: "http://127.0.0.1:%d", timeout: 5s}
                routes:
                  - id: catalog
                    service: catalog
                    paths: [/api/restaurants, /api/restaurants/**]
                    stage: LEGACY
                    percent: 50
                    sticky-by: header:X-Customer-Id
                    fallback-to-legacy: true
                """.formatted(legacyPort, servicePort));
        Process proxy = null;
        Map<String, List<Result>> byScenario = new LinkedHashMap<>();
        try {
            proxy = startProxy(proxyPort, List.of("--banyan.routes=" + routes, "--banyan.admin.port=" + adminPort,
                    "--banyan.admin.token=" + token));
            saturate(barePort, JVM_WARMUP, "bare gateway JVM warm-up");
            setStage(adminPort, token, "CANARY");
            saturate(proxyPort, JVM_WARMUP, "Banyan JVM warm-up (CANARY)");

            List<Scenario> scenarios = List.of(
                    new Scenario(BARE, barePort, null),
                    new Scenario("Banyan LEGACY", proxyPort, "LEGACY"),
                    new Scenario("Banyan SHADOW", proxyPort, "SHADOW"),
                    new Scenario("Banyan CANARY 50% sticky", proxyPort, "CANARY"),
                    new Scenario("Banyan MIGRATED", proxyPort, "MIGRATED"));
            for (int round = 0; round < ROUNDS; round++) {
                System.out.printf("%n######## round %d of %d%n", round + 1, ROUNDS);
                for (int i = 0; i < scenarios.size(); i++) {
                    Scenario scenario = scenarios.get((i + round) % scenarios.size());
                    if (scenario.stage() != null) {
                        setStage(adminPort, token, scenario.stage());
                    }
                    byScenario.computeIfAbsent(scenario.name(), k -> new ArrayList<>())
                            .add(measure(scenario.name(), scenario.port(), scenario.port()));
                }
            }
        }
        finally {
            stop(bare);
            if (proxy != null) {
                stop(proxy);
            }
        }
        report(direct, byScenario);
        System.exit(0);
    }

    // ---------------------------------------------------------------- scenarios

    static Result measure(String name, int port, Integer actuatorPort) throws Exception {
        System.out.printf("%n== %s ==%n", name);
        saturate(port, WARMUP, "warm-up");
        double rps = saturate(port, SECONDS, "saturation");
        fixedRate(port, Math.max(2, WARMUP / 2), "warm-up at " + RATE + "/s");
        double[] latencies = fixedRate(port, SECONDS, "fixed rate " + RATE + "/s");
        String heap = actuatorPort == null ? "-" : heap(actuatorPort);
        Result result = new Result(name, rps, percentile(latencies, 50), percentile(latencies, 99), heap);
        System.out.printf("   %.0f req/s at saturation; p50 %.2f ms, p99 %.2f ms at %d/s; heap %s%n",
                result.rps(), result.p50(), result.p99(), RATE, heap);
        return result;
    }

    /** Closed loop: CONNECTIONS keep-alive connections send back to back. */
    static double saturate(int port, int seconds, String label) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int id = c;
            Thread t = Daemon.start(() -> {
                Connection connection = null;
                int i = 0;
                while (running.get()) {
                    try {
                        if (connection == null) {
                            connection = new Connection(port);
                        }
                        connection.get("/api/restaurants/" + (i % 100), "customer-" + id + "-" + (i++ % 50));
                        done.incrementAndGet();
                    }
                    catch (IOException e) {
                        errors.incrementAndGet();
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            });
            threads.add(t);
        }
        long start = System.nanoTime();
        long startCount = done.get();
        progress(label, seconds, () -> done.get() - startCount);
        running.set(false);
        double rps = (done.get() - startCount) / ((System.nanoTime() - start) / 1e9);
        for (Thread t : threads) {
            t.join(5_000);
        }
        if (errors.get() > 0) {
            System.out.printf("   %s: %d errors%n", label, errors.get());
        }
        return rps;
    }

    /** Open loop: a request every 1/RATE s, each timed from when it should have been sent. */
    static double[] fixedRate(int port, int seconds, String label) throws Exception {
        int total = RATE * seconds;
        long interval = 1_000_000_000L / RATE;
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(total + 1);
        long[] latencies = new long[total];
        AtomicLong index = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            due.add(start + i * interval);
        }
        int workers = 16;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int id = w;
            threads.add(Daemon.start(() -> {
                Connection connection = null;
                Long when;
                int i = 0;
                while ((when = due.poll()) != null) {
                    long wait = when - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (connection == null) {
                            connection = new Connection(port);
                        }
                        connection.get("/api/restaurants/" + (i % 100), "customer-" + id + "-" + (i++ % 50));
                        latencies[(int) index.getAndIncrement()] = System.nanoTime() - when;
                    }
                    catch (IOException e) {
                        errors.incrementAndGet();
                        connection = null;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        progress(label, seconds, index::get);
        for (Thread t : threads) {
            t.join(30_000);
        }
        if (errors.get() > 0) {
            System.out.printf("   %s: %d errors%n", label, errors.get());
        }
        long[] measured = Arrays.copyOf(latencies, (int) index.get());
        Arrays.sort(measured);
        return Arrays.stream(measured).mapToDouble(n -> n / 1e6).toArray();
    }

    static void progress(String label, int seconds, java.util.function.LongSupplier count) throws InterruptedException {
        System.out.printf("   %s %ds:", label, seconds);
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1_000);
            System.out.printf(" %d", count.getAsLong());
        }
        System.out.println();
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    // ---------------------------------------------------------------- backend, proxy, admin

    static int backend(java.util.concurrent.Executor threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.setExecutor(threads);
        server.start();
        return server.getAddress().getPort();
    }

    static Process startProxy(int port, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+UseG1GC", "-jar", JAR.toString(), "--server.port=" + port,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        command.addAll(args);
        Path log = Files.createTempFile("banyan-bench-proxy", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("proxy exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return process;
                }
            }
            catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("proxy did not start in 90 s:\n" + Files.readString(log));
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static void setStage(int adminPort, String token, String stage) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + adminPort + "/admin/routes/catalog")).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\":\"" + stage + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("could not set stage " + stage + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** Heap in use and committed, from the proxy's Prometheus endpoint. */
    static String heap(int port) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        double used = sum(text, "jvm_memory_used_bytes");
        double committed = sum(text, "jvm_memory_committed_bytes");
        double max = sum(text, "jvm_memory_max_bytes");
        return String.format(Locale.ROOT, "%.0f MB used / %.0f MB committed / %.0f MB max", used / 1e6 / 1.048576,
                committed / 1e6 / 1.048576, max / 1e6 / 1.048576);
    }

    static double sum(String prometheus, String metric) {
        Matcher m = Pattern.compile("^" + metric + "\\{([^}]*)\\} ([0-9.Ee+-]+)$", Pattern.MULTILINE).matcher(prometheus);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains("area=\"heap\"") && Double.parseDouble(m.group(2)) > 0) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- report

    /**
     * Medians over the rounds. The ratio to bare Spring Cloud Gateway is taken within each round (the two were
     * measured minutes apart at most) and its median and range are shown.
     */
    static void report(Result direct, Map<String, List<Result>> byScenario) {
        List<Result> bareRounds = byScenario.get(BARE);
        System.out.printf("%n%s, %d cores, JDK %s; %d backend server(s); %d rounds; %d connections at saturation, %d req/s fixed rate, %d s per measure, proxy -Xmx%s%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.version().feature(), BACKENDS, ROUNDS,
                CONNECTIONS, RATE, SECONDS, HEAP);
        System.out.println("| scenario | req/s at saturation (median) | vs direct | vs bare SCG, median of rounds (range) | req/s per round | p50 ms | p99 ms | p50 over direct | p99 over direct | proxy heap after run (largest) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %.0f | 1.00 | - | - | %.2f | %.2f | - | - | - |%n", direct.name(), direct.rps(),
                direct.p50(), direct.p99());
        byScenario.forEach((name, rounds) -> {
            double rps = median(rounds.stream().mapToDouble(Result::rps).toArray());
            double p50 = median(rounds.stream().mapToDouble(Result::p50).toArray());
            double p99 = median(rounds.stream().mapToDouble(Result::p99).toArray());
            double[] vsBare = new double[rounds.size()];
            for (int i = 0; i < rounds.size(); i++) {
                vsBare[i] = rounds.get(i).rps() / bareRounds.get(i).rps();
            }
            String ratio = rounds == bareRounds ? "1.00" : String.format(Locale.ROOT, "%.3f (%.3f to %.3f)",
                    median(vsBare), Arrays.stream(vsBare).min().orElseThrow(), Arrays.stream(vsBare).max().orElseThrow());
            String perRound = String.join(", ", rounds.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.rps())).toList());
            String heap = rounds.stream().map(Result::heap).max(java.util.Comparator.comparingDouble(ProxyBench::usedMb)).orElse("-");
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %s | %s | %.2f | %.2f | +%.2f ms (%.2fx) | +%.2f ms (%.2fx) | %s |%n",
                    name, rps, rps / direct.rps(), ratio, perRound, p50, p99, p50 - direct.p50(), p50 / direct.p50(),
                    p99 - direct.p99(), p99 / direct.p99(), heap);
        });
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double usedMb(String heap) {
        Matcher m = Pattern.compile("^(\\d+) MB used").matcher(heap);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    // ---------------------------------------------------------------- a minimal keep-alive HTTP/1.1 client

    static final class Connection {

        private final Socket socket;

        private final OutputStream out;

        private final InputStream in;

        Connection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        void get(String path, String customer) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: bench\r\nX-Customer-Id: " + customer + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected status: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while (!(header = line()).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                }
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
                else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                line();
            }
            else if (length >= 0) {
                skip(length);
            }
            if (close) {
                throw new IOException("server closed the connection");
            }
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                n -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            throw new IOException("connection closed");
        }

        void close() {
            try {
                socket.close();
            }
            catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Starts a daemon platform thread. */
    static final class Daemon {
        static Thread start(Runnable task) {
            Thread t = new Thread(task);
            t.setDaemon(true);
            t.start();
            return t;
        }
    }
}
