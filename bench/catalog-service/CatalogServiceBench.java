import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * catalog-service against legacy-monolith, in one run, on the same data.
 *
 * Starts both boot jars (each on its own throw-away embedded PostgreSQL, the monolith without demo data), registers
 * restaurants with their menus in the monolith through its HTTP API, copies the catalog tables into the service's
 * tables with the documented mapping (what the CDC bridge's backfill does), so both serve the same rows under the
 * same ids, then measures
 * GET /api/restaurants/{id} and GET /api/restaurants?category=... on each, alternating monolith and service in
 * several rounds, with a fixed number of client threads (closed loop). Prints throughput, p50/p99 latency and the
 * ratio service / monolith.
 *
 * Run from the repository root after ./mvnw package (or verify), with the PostgreSQL JDBC driver on the class path:
 *   bench/catalog-service/run.sh            (finds the driver in the local Maven repository)
 * Options (system properties, before the file name): -Drestaurants=400 -Ditems=12 -Dthreads=4 -Dseconds=8 -Drounds=3
 *   -Dwarmup=20 -Dmonolith.jar=... -Dservice.jar=...
 */
public class CatalogServiceBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] CATEGORIES = {"chicken", "pizza", "korean", "bunsik", "chinese", "japanese", "jokbal",
        "fastfood", "cafe", "asian"};
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    record App(String name, Process process, String baseUrl, String jdbcUrl, List<String> restaurantIds) {
    }

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
    }

    public static void main(String[] args) throws Exception {
        int restaurants = Integer.getInteger("restaurants", 400);
        int items = Integer.getInteger("items", 12);
        int threads = Integer.getInteger("threads", 4);
        int seconds = Integer.getInteger("seconds", 8);
        int warmup = Integer.getInteger("warmup", 20);
        int rounds = Integer.getInteger("rounds", 3);
        Path monolithJar = Path.of(System.getProperty("monolith.jar", "legacy-monolith/target/legacy-monolith.jar"));
        Path serviceJar = Path.of(System.getProperty("service.jar",
                "extracted-services/catalog-service/target/catalog-service.jar"));
        for (Path jar : List.of(monolithJar, serviceJar)) {
            if (!Files.isRegularFile(jar)) {
                System.err.println("Missing " + jar + ": run ./mvnw -B package -DskipTests from the repository root first");
                System.exit(2);
            }
        }
        System.out.printf("catalog bench %s: %d restaurants x %d menu items, %d client threads, %d rounds of %d s "
                + "per app and endpoint (warm-up %d s)%n", Instant.now(), restaurants, items, threads, rounds, seconds,
                warmup);
        App monolith = start("legacy-monolith", monolithJar, "monolith", "--banyan.demo.enabled=false");
        App service = null;
        try {
            service = start("catalog-service", serviceJar, "catalog");
            load(monolith, restaurants, items);
            // The same rows in the service, copied table by table through the documented mapping, as the CDC
            // bridge's backfill does; both applications then serve the same ids.
            copyCatalog(monolith, service);
            service.restaurantIds().addAll(monolith.restaurantIds());

            Endpoint detail = new Endpoint("GET /api/restaurants/{id}",
                    (app, i) -> "/api/restaurants/" + app.restaurantIds().get(i % app.restaurantIds().size()));
            Endpoint byCategory = new Endpoint("GET /api/restaurants?category=...",
                    (app, i) -> "/api/restaurants?category=" + CATEGORIES[i % CATEGORIES.length] + "&page="
                            + (i / CATEGORIES.length) % 2 + "&size=20");
            StringBuilder table = new StringBuilder();
            table.append("| endpoint | legacy-monolith req/s | catalog-service req/s | ratio (service/monolith) "
                    + "| monolith p50 / p99 ms | service p50 / p99 ms |\n|---|---|---|---|---|---|\n");
            for (Endpoint endpoint : List.of(detail, byCategory)) {
                System.out.println("warming up " + endpoint.name);
                measure(monolith, endpoint, threads, warmup);
                measure(service, endpoint, threads, warmup);
                List<Result> m = new ArrayList<>();
                List<Result> s = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    Result rm = measure(monolith, endpoint, threads, seconds);
                    Result rs = measure(service, endpoint, threads, seconds);
                    m.add(rm);
                    s.add(rs);
                    System.out.printf(Locale.ROOT, "  round %d  %-36s monolith %8.1f req/s (p50 %.2f ms, p99 %.2f ms, "
                                    + "%d errors)   service %8.1f req/s (p50 %.2f ms, p99 %.2f ms, %d errors)%n",
                            round, endpoint.name, rm.requestsPerSecond, rm.p50Millis, rm.p99Millis, rm.errors,
                            rs.requestsPerSecond, rs.p50Millis, rs.p99Millis, rs.errors);
                }
                Result mm = median(m);
                Result ms = median(s);
                table.append(String.format(Locale.ROOT, "| `%s` | %.0f | %.0f | **%.2f** | %.2f / %.2f | %.2f / %.2f |%n",
                        endpoint.name, mm.requestsPerSecond, ms.requestsPerSecond,
                        ms.requestsPerSecond / mm.requestsPerSecond, mm.p50Millis, mm.p99Millis, ms.p50Millis,
                        ms.p99Millis));
            }
            System.out.println();
            System.out.println("Median of " + rounds + " rounds:");
            System.out.println(table);
        } finally {
            stop(monolith);
            if (service != null) {
                stop(service);
            }
        }
    }

    interface PathFor {
        String path(App app, int i);
    }

    record Endpoint(String name, PathFor path) {
    }

    static Result measure(App app, Endpoint endpoint, int threads, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[threads][];
        long[] counts = new long[threads];
        long[] errors = new long[threads];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int i = thread * 7919;
                while (running.get()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + endpoint.path.path(app, i++)))
                            .timeout(Duration.ofSeconds(10)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors[thread]++;
                        }
                    } catch (IOException e) {
                        errors[thread]++;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                latencies[thread] = Arrays.copyOf(mine, n);
                counts[thread] = n;
                done.countDown();
            });
            worker.setDaemon(true);
            worker.start();
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        running.set(false);
        done.await();
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        return new Result(total / (double) seconds, percentile(all, 0.50), percentile(all, 0.99), total,
                Arrays.stream(errors).sum());
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1_000_000.0;
    }

    static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.requestsPerSecond, b.requestsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    /** The same restaurants, in the same order, with the same menus, in each application. */
    static void load(App app, int restaurants, int items) throws Exception {
        long started = System.nanoTime();
        for (int r = 0; r < restaurants; r++) {
            String body = String.format(Locale.ROOT, """
                    {"name":"벤치 식당 %04d","category":"%s","phone":"02-%03d-%04d","address":"서울특별시 강남구 테헤란로 %d",
                     "minimumOrderAmount":%d,"deliveryFee":%d,
                     "openingHours":[{"day":"MONDAY","opens":"10:00","closes":"22:00"},
                                     {"day":"TUESDAY","opens":"10:00","closes":"22:00"},
                                     {"day":"WEDNESDAY","opens":"10:00","closes":"22:00"},
                                     {"day":"THURSDAY","opens":"10:00","closes":"22:00"},
                                     {"day":"FRIDAY","opens":"11:00","closes":"02:00"},
                                     {"day":"SATURDAY","opens":"11:00","closes":"02:00"}]}""",
                    r, CATEGORIES[r % CATEGORIES.length], r % 1000, r, r, 12000 + (r % 5) * 1000, (r % 4) * 1000);
            String created = post(app, "/api/restaurants", body, 201);
            Matcher id = ID.matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("No id in " + created);
            }
            app.restaurantIds().add(id.group(1));
            for (int i = 0; i < items; i++) {
                post(app, "/api/restaurants/" + id.group(1) + "/menu-items", String.format(Locale.ROOT,
                        "{\"name\":\"메뉴 %02d\",\"description\":\"맛있는 메뉴 %d\",\"price\":%d,\"available\":%s}",
                        i, i, 5000 + i * 500, i % 5 != 0), 201);
            }
            if ((r + 1) % 100 == 0) {
                System.out.printf("  %s: %d/%d restaurants loaded%n", app.name(), r + 1, restaurants);
            }
        }
        System.out.printf("%s: loaded %d restaurants and %d menu items in %.1f s%n", app.name(), restaurants,
                restaurants * items, (System.nanoTime() - started) / 1e9);
    }

    static String post(App app, String path, String json, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException(app.name() + " answered " + response.statusCode() + " to POST " + path
                    + ": " + response.body());
        }
        return response.body();
    }

    /** monolith catalog.* -> service public.* (phone -> phone_number, price -> price_krw), one transaction. */
    static void copyCatalog(App monolith, App service) throws SQLException {
        String[][] tables = {
            {"catalog.menu_item", "public.menu_item",
                "id, restaurant_id, name, description, price, available, created_at, updated_at, version",
                "id, restaurant_id, name, description, price_krw, available, created_at, updated_at, version"},
            {"catalog.opening_hours", "public.opening_hours", "restaurant_id, day_of_week, opens_at, closes_at",
                "restaurant_id, day_of_week, opens_at, closes_at"},
            {"catalog.restaurant", "public.restaurant",
                "id, name, category_code, phone, address, minimum_order_amount, delivery_fee, status, created_at, "
                    + "updated_at, version",
                "id, name, category_code, phone_number, address, minimum_order_amount, delivery_fee, status, "
                    + "created_at, updated_at, version"},
            {"catalog.category", "public.category", "code, name, sort_order", "code, name, sort_order"}};
        try (Connection from = DriverManager.getConnection(monolith.jdbcUrl(), "postgres", "");
             Connection to = DriverManager.getConnection(service.jdbcUrl(), "postgres", "")) {
            to.setAutoCommit(false);
            for (String[] table : tables) {
                int columns = table[2].split(",").length;
                String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
                int rows = 0;
                try (Statement read = from.createStatement();
                     ResultSet source = read.executeQuery("select " + table[2] + " from " + table[0]);
                     PreparedStatement write = to.prepareStatement("insert into " + table[1] + " (" + table[3]
                             + ") values (" + marks + ")")) {
                    while (source.next()) {
                        for (int c = 1; c <= columns; c++) {
                            write.setObject(c, source.getObject(c));
                        }
                        write.addBatch();
                        rows++;
                    }
                    write.executeBatch();
                }
                System.out.printf("  copied %d rows %s -> %s%n", rows, table[0], table[1]);
            }
            to.commit();
            try (Statement analyze = to.createStatement()) {
                analyze.execute("analyze");
            }
        }
        try (Connection from = DriverManager.getConnection(monolith.jdbcUrl(), "postgres", "");
             Statement analyze = from.createStatement()) {
            analyze.execute("analyze");
        }
    }

    static App start(String name, Path jar, String database, String... extra) throws Exception {
        int port = freePort();
        int databasePort = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port, "--banyan.embedded-db.port=" + databasePort,
                "--banyan.embedded-db.ephemeral=true", "--banyan.embedded-db.database=" + database));
        command.addAll(List.of(extra));
        Path log = Files.createTempFile("bench-" + name + "-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        App app = new App(name, process, "http://localhost:" + port,
                "jdbc:postgresql://localhost:" + databasePort + "/" + database, new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
                        + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    System.out.println(name + " up on " + app.baseUrl() + " (log " + log + ")");
                    return app;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        process.destroy();
        throw new IllegalStateException(name + " did not become healthy in 3 minutes; see " + log);
    }

    static void stop(App app) throws InterruptedException {
        app.process().destroy();
        if (!app.process().waitFor(60, TimeUnit.SECONDS)) {
            app.process().destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
