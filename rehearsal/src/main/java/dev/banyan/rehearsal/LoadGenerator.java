package dev.banyan.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends realistic mixed traffic through the proxy at a fixed rate: customers browse restaurants by category, open
 * menus and place orders, and restaurant owners change menu prices; for the delivery extraction, orders run through
 * their whole life instead ({@link #startOrderLifecycles()}). Every request is attributed to the backend that
 * answered it (the proxy's {@code X-Banyan-Backend} header).
 */
final class LoadGenerator implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI proxy;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final Random random = new Random(20261124L);
    private final AtomicReference<TrafficStats> current = new AtomicReference<>(new TrafficStats());
    private final Map<String, PriceWrite> priceWrites = new ConcurrentHashMap<>();
    private volatile boolean catalogWrites = true;
    private volatile OrderLifecycles lifecycles;
    private SampleData data;

    LoadGenerator(URI proxy) {
        this.proxy = proxy;
    }

    /** Learns real ids from the system through the proxy, and signs up the customers who will browse. */
    void prepare(int customers) throws IOException, InterruptedException {
        List<String> categories = new ArrayList<>();
        for (JsonNode category : getJson("/api/categories")) {
            categories.add(category.get("code").asString());
        }
        List<String> restaurants = new ArrayList<>();
        for (JsonNode restaurant : getJson("/api/restaurants?size=100").get("content")) {
            restaurants.add(restaurant.get("id").asString());
        }
        List<MenuItemRef> items = new ArrayList<>();
        for (String restaurant : restaurants.subList(0, Math.min(40, restaurants.size()))) {
            JsonNode detail = getJson("/api/restaurants/" + restaurant);
            if (!"OPEN".equals(detail.get("status").asString())) {
                continue;
            }
            for (JsonNode item : detail.get("menu")) {
                if (item.get("available").asBoolean()) {
                    items.add(new MenuItemRef(restaurant, item.get("id").asString()));
                }
            }
        }
        List<String> customerIds = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String body = """
                    {"name":"리허설 고객 %d","email":"rehearsal-%d-%d@example.com","phone":"010-0000-%04d",
                     "addresses":[{"label":"집","address":"서울특별시 강남구 테헤란로 %d"}]}
                    """.formatted(i, System.nanoTime(), i, i, 100 + i);
            HttpResponse<String> response = send(HttpRequest.newBuilder(proxy.resolve("/api/customers"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Could not sign up a rehearsal customer: HTTP " + response.statusCode()
                        + " " + response.body());
            }
            customerIds.add(JSON.readTree(response.body()).get("id").asString());
        }
        if (categories.isEmpty() || restaurants.isEmpty() || items.isEmpty()) {
            throw new IllegalStateException("The monolith has no demo data to rehearse with (categories "
                    + categories.size() + ", restaurants " + restaurants.size() + ", menu items " + items.size() + ")");
        }
        data = new SampleData(categories, restaurants, items, customerIds);
    }

    /** Starts sending; each call to {@link #nextStep()} starts a fresh set of statistics. */
    void start(int requestsPerSecond) {
        long periodMicros = 1_000_000L / requestsPerSecond;
        ticker.scheduleAtFixedRate(() -> senders.execute(this::oneRequest), 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    TrafficStats nextStep() {
        return current.getAndSet(new TrafficStats());
    }

    /** Holds catalog writes, e.g. while responses are compared in SHADOW, so every mismatch is a real difference. */
    void catalogWrites(boolean enabled) {
        this.catalogWrites = enabled;
    }

    /**
     * Switches to the delivery mix: 30% browsing, 30% menus, and orders run through their whole life (about five
     * requests each, see {@link OrderLifecycles}) on 9% of the ticks, so the total stays near the rate. Catalog writes
     * stop.
     */
    OrderLifecycles startOrderLifecycles() {
        lifecycles = new OrderLifecycles(proxy, http, current::get, () -> {
            MenuItemRef item = pick(data.items());
            return new OrderLifecycles.OrderRequest(
                    """
                    {"customerId":"%s","restaurantId":"%s","items":[{"menuItemId":"%s","quantity":%d}]}
                    """.formatted(pick(data.customers()), item.restaurantId(), item.id(), 1 + pickInt(3)));
        });
        return lifecycles;
    }

    /** Every price change the clients saw succeed, with the backend that took it. */
    Map<String, PriceWrite> priceWrites() {
        return Map.copyOf(priceWrites);
    }

    private void oneRequest() {
        int dice;
        synchronized (random) {
            dice = random.nextInt(100);
        }
        try {
            OrderLifecycles orders = lifecycles;
            if (orders != null) {
                if (dice < 30) {
                    browse();
                } else if (dice < 60) {
                    viewMenu();
                } else if (dice < 69) {
                    orders.begin();
                }
                return;
            }
            if (dice < 40) {
                browse();
            } else if (dice < 80) {
                viewMenu();
            } else if (dice < 92 || !catalogWrites) {
                placeOrder();
            } else {
                changePrice();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void browse() throws InterruptedException {
        String category = pick(data.categories());
        int page = pickInt(3);
        timed(
                "browse",
                HttpRequest.newBuilder(
                                proxy.resolve("/api/restaurants?category=" + category + "&page=" + page + "&size=20"))
                        .header("X-Customer-Id", pick(data.customers()))
                        .GET()
                        .build());
    }

    private void viewMenu() throws InterruptedException {
        timed(
                "menu",
                HttpRequest.newBuilder(proxy.resolve("/api/restaurants/" + pick(data.restaurants())))
                        .header("X-Customer-Id", pick(data.customers()))
                        .GET()
                        .build());
    }

    private void placeOrder() throws InterruptedException {
        MenuItemRef item = pick(data.items());
        String body = """
                {"customerId":"%s","restaurantId":"%s","items":[{"menuItemId":"%s","quantity":%d}]}
                """.formatted(pick(data.customers()), item.restaurantId(), item.id(), 1 + pickInt(3));
        timed(
                "order",
                HttpRequest.newBuilder(proxy.resolve("/api/orders"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private void changePrice() throws InterruptedException {
        MenuItemRef item = pick(data.items());
        long price = 1_000L * (5 + pickInt(30));
        HttpResponse<String> response = timed(
                "price",
                HttpRequest.newBuilder(
                                proxy.resolve("/api/restaurants/" + item.restaurantId() + "/menu-items/" + item.id()))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"price\":" + price + "}"))
                        .build());
        if (response != null && response.statusCode() == 200) {
            String backend = response.headers().firstValue("X-Banyan-Backend").orElse("unknown");
            priceWrites.merge(
                    item.id(),
                    new PriceWrite(item.id(), price, backend, System.nanoTime()),
                    (old, neu) -> neu.atNanos() >= old.atNanos() ? neu : old);
        }
    }

    private @Nullable HttpResponse<String> timed(String what, HttpRequest request) throws InterruptedException {
        TrafficStats stats = current.get();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            stats.record(
                    response.headers().firstValue("X-Banyan-Backend").orElse("unknown"),
                    response.statusCode(),
                    (System.nanoTime() - start) / 1000,
                    what + " " + request.uri().getPath());
            return response;
        } catch (IOException e) {
            stats.record(
                    "unreachable",
                    0,
                    (System.nanoTime() - start) / 1000,
                    what + " " + request.uri().getPath() + " (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(proxy.resolve(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " through the proxy answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> T pick(List<T> values) {
        return values.get(pickInt(values.size()));
    }

    private int pickInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        if (lifecycles != null) {
            lifecycles.close();
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        senders.shutdownNow();
    }

    record MenuItemRef(String restaurantId, String id) {}

    record PriceWrite(String menuItemId, long price, String backend, long atNanos) {}

    private record SampleData(
            List<String> categories, List<String> restaurants, List<MenuItemRef> items, List<String> customers) {}
}
