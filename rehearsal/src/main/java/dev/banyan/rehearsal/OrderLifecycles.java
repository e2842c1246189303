package dev.banyan.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs orders through their whole life, through the proxy, as customers, restaurants and riders would: place, accept
 * (the restaurant), pick up and complete (the rider, {@code /api/deliveries/{orderId}/...}), and some cancels: of a
 * placed order, of an accepted one, and a few sent at the same moment as the pickup.
 *
 * <p>The Saga is asynchronous, so a pickup or completion that finds no delivery yet (404) is retried for a while and
 * only its last answer counts. A cancel answered {@code 202 Accepted} (the order is CANCELLATION_PENDING: the
 * versioned contract's declared difference) is followed by reading the order until the delivery side has decided.
 */
final class OrderLifecycles implements AutoCloseable {

    /** How long a pickup or completion keeps retrying a 404 (no delivery yet) and a pending cancel is followed. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final long RETRY_MILLIS = 200;

    /** What the load generator does with one order. */
    enum Plan {
        /** placed, accepted, picked up, completed */
        DELIVER,
        /** the customer cancels before the restaurant accepts */
        CANCEL_PLACED,
        /** the customer cancels an accepted order before the pickup */
        CANCEL_ACCEPTED,
        /** the customer cancels at the moment the rider picks up: exactly one of them may win */
        RACE_PICKUP;

        /** 8% cancelled when placed, 12% after acceptance, 6% racing the pickup, the rest delivered. */
        static Plan of(int percentile) {
            if (percentile < 8) {
                return CANCEL_PLACED;
            }
            if (percentile < 20) {
                return CANCEL_ACCEPTED;
            }
            if (percentile < 26) {
                return RACE_PICKUP;
            }
            return DELIVER;
        }
    }

    private final URI proxy;
    private final HttpClient http;
    private final Supplier<TrafficStats> stats;
    private final Supplier<OrderRequest> orders;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(6);
    private final Random random = new Random(20261201L);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counts counts = new Counts();
    private final Set<String> placedOrders = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    /**
     * @param orders a fresh order each call: the JSON body to POST to {@code /api/orders}
     */
    OrderLifecycles(URI proxy, HttpClient http, Supplier<TrafficStats> stats, Supplier<OrderRequest> orders) {
        this.proxy = proxy;
        this.http = http;
        this.stats = stats;
        this.orders = orders;
    }

    /** The body of one order to place. */
    record OrderRequest(String json) {}

    /** Starts one more order's life, unless draining. */
    void begin() {
        if (!accepting) {
            return;
        }
        inFlight.incrementAndGet();
        scheduler.execute(() -> new Life(Plan.of(nextInt(100))).place());
    }

    /** Starts no new lives and waits until every life under way has ended; returns how many did not end in time. */
    int drain(Duration timeout, Progress progress) throws InterruptedException {
        hold(timeout, progress);
        return inFlight.get();
    }

    /**
     * Holds new orders and waits (up to {@code timeout}) until those under way have ended, so that a consistent cut
     * (e.g. {@code cdc-bridge verify}) sees no change in flight; {@link #resume()} lets new orders start again.
     */
    void hold(Duration timeout, Progress progress) throws InterruptedException {
        accepting = false;
        Instant deadline = Instant.now().plus(timeout);
        while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
            progress.tick("holding new orders: " + inFlight.get() + " still on their way");
            Thread.sleep(200);
        }
    }

    void resume() {
        accepting = true;
    }

    /** The ids of every order placed so far. */
    Set<String> placedOrders() {
        return Set.copyOf(placedOrders);
    }

    Counts counts() {
        return counts;
    }

    @Override
    public void close() {
        accepting = false;
        scheduler.shutdownNow();
    }

    private int nextInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private long between(long fromMillis, long toMillis) {
        return fromMillis + nextInt((int) (toMillis - fromMillis));
    }

    /** One order: its steps run on the scheduler, each scheduled by the one before. */
    private final class Life {

        private final Plan plan;
        private final AtomicInteger branches = new AtomicInteger(1);
        private String orderId = "";

        Life(Plan plan) {
            this.plan = plan;
        }

        void place() {
            HttpResponse<String> placed = send(
                    "lifecycle place",
                    HttpRequest.newBuilder(proxy.resolve("/api/orders"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    orders.get().json())),
                    true);
            if (placed == null || placed.statusCode() != 201) {
                end();
                return;
            }
            counts.placed.incrementAndGet();
            orderId = JSON.readTree(placed.body()).path("id").asString();
            placedOrders.add(orderId);
            if (plan == Plan.CANCEL_PLACED) {
                later(between(100, 300), () -> cancel(1, false));
            } else {
                later(between(200, 500), this::accept);
            }
        }

        void accept() {
            HttpResponse<String> accepted = send(
                    "lifecycle accept",
                    HttpRequest.newBuilder(proxy.resolve("/api/orders/" + orderId + "/accept"))
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    true);
            if (accepted == null || accepted.statusCode() != 200) {
                end();
                return;
            }
            counts.accepted.incrementAndGet();
            switch (plan) {
                case CANCEL_ACCEPTED -> later(between(100, 400), () -> cancel(1 + nextInt(2), false));
                case RACE_PICKUP ->
                    later(between(300, 600), () -> {
                        counts.races.incrementAndGet();
                        branches.incrementAndGet();
                        scheduler.execute(() -> cancel(2, true));
                        pickUp(Instant.now().plus(PATIENCE));
                    });
                default -> later(between(200, 600), () -> pickUp(Instant.now().plus(PATIENCE)));
            }
        }

        void pickUp(Instant giveUpAt) {
            HttpResponse<String> response = deliveryCall("pickup", giveUpAt, () -> pickUp(giveUpAt));
            if (response == null) {
                return;
            }
            if (response.statusCode() == 200) {
                counts.pickedUp.incrementAndGet();
                later(between(200, 600), () -> complete(Instant.now().plus(PATIENCE)));
            } else {
                // 409: the cancel was confirmed first, the delivery is CANCELLED
                end();
            }
        }

        void complete(Instant giveUpAt) {
            HttpResponse<String> response = deliveryCall("complete", giveUpAt, () -> complete(giveUpAt));
            if (response == null) {
                return;
            }
            if (response.statusCode() == 200) {
                counts.completed.incrementAndGet();
            }
            end();
        }

        /** A delivery call; a 404 before {@code giveUpAt} is the Saga not there yet: retried, not recorded. */
        private HttpResponse<String> deliveryCall(String action, Instant giveUpAt, Runnable retry) {
            boolean last = Instant.now().isAfter(giveUpAt);
            long start = System.nanoTime();
            HttpResponse<String> response = send(
                    "lifecycle " + action,
                    HttpRequest.newBuilder(proxy.resolve("/api/deliveries/" + orderId + "/" + action))
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    false);
            if (response != null && response.statusCode() == 404 && !last) {
                counts.notYetRetries.incrementAndGet();
                later(RETRY_MILLIS, retry);
                return null;
            }
            if (response == null) {
                end(); // recorded as unreachable by send
                return null;
            }
            record(
                    response,
                    (System.nanoTime() - start) / 1000,
                    "lifecycle " + action + " /api/deliveries/" + orderId + "/" + action);
            return response;
        }

        /** Cancels with {@code API-Version: version}; in a race the pickup branch finishes the order. */
        void cancel(int version, boolean racing) {
            HttpResponse<String> response = send(
                    "lifecycle cancel v" + version,
                    HttpRequest.newBuilder(proxy.resolve("/api/orders/" + orderId + "/cancel"))
                            .header("API-Version", Integer.toString(version))
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    true);
            if (response == null) {
                end();
                return;
            }
            switch (response.statusCode()) {
                case 200 -> {
                    counts.cancelled.incrementAndGet();
                    end();
                }
                case 202 -> {
                    counts.cancelPending.incrementAndGet();
                    later(RETRY_MILLIS, () -> followPendingCancel(Instant.now().plus(PATIENCE), racing));
                }
                default -> {
                    // 409: picked up first, no longer cancellable
                    counts.cancelRefused.incrementAndGet();
                    settleRefused(racing);
                }
            }
        }

        /** Reads the order until the delivery side has confirmed (CANCELLED) or refused (ACCEPTED) the cancel. */
        void followPendingCancel(Instant giveUpAt, boolean racing) {
            HttpResponse<String> response = send(
                    "lifecycle follow",
                    HttpRequest.newBuilder(proxy.resolve("/api/orders/" + orderId))
                            .GET(),
                    true);
            String status = response == null || response.statusCode() != 200
                    ? ""
                    : JSON.readTree(response.body()).path("status").asString();
            if (status.equals("CANCELLATION_PENDING") && Instant.now().isBefore(giveUpAt)) {
                later(RETRY_MILLIS * 2, () -> followPendingCancel(giveUpAt, racing));
            } else if (status.equals("CANCELLED")) {
                counts.cancelled.incrementAndGet();
                end();
            } else if (status.equals("ACCEPTED")) {
                counts.cancelRefused.incrementAndGet();
                settleRefused(racing);
            } else {
                // still pending after PATIENCE, or unreadable: the reconciliation counts it as stuck
                counts.gaveUp.incrementAndGet();
                end();
            }
        }

        /** A refused cancel means a pickup happened; in a race its branch completes the order, else we do. */
        private void settleRefused(boolean racing) {
            if (racing) {
                end();
            } else {
                later(between(100, 300), () -> pickUp(Instant.now().plus(PATIENCE)));
            }
        }

        private void later(long millis, Runnable step) {
            try {
                scheduler.schedule(step, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                end();
            }
        }

        private void end() {
            if (branches.decrementAndGet() == 0) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Sends; with {@code recordNow} the answer counts at once, otherwise the caller decides with {@link #record}. */
    private HttpResponse<String> send(String what, HttpRequest.Builder request, boolean recordNow) {
        TrafficStats step = stats.get();
        long start = System.nanoTime();
        HttpRequest built = request.timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (recordNow) {
                step.record(
                        response.headers().firstValue("X-Banyan-Backend").orElse("unknown"),
                        response.statusCode(),
                        (System.nanoTime() - start) / 1000,
                        what + " " + built.uri().getPath());
            }
            return response;
        } catch (IOException e) {
            step.record(
                    "unreachable",
                    0,
                    (System.nanoTime() - start) / 1000,
                    what + " " + built.uri().getPath() + " (" + e.getClass().getSimpleName() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Counts the last answer of a retried call, with the time of that attempt. */
    private void record(HttpResponse<String> response, long micros, String what) {
        stats.get()
                .record(
                        response.headers().firstValue("X-Banyan-Backend").orElse("unknown"),
                        response.statusCode(),
                        micros,
                        what);
    }

    /** What the clients saw of the orders' lives, over the whole run. */
    static final class Counts {
        final AtomicInteger placed = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger pickedUp = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();
        final AtomicInteger cancelPending = new AtomicInteger();
        final AtomicInteger cancelRefused = new AtomicInteger();
        final AtomicInteger races = new AtomicInteger();
        final AtomicInteger notYetRetries = new AtomicInteger();
        final AtomicInteger gaveUp = new AtomicInteger();

        String summary() {
            return List.of(
                            placed.get() + " placed",
                            accepted.get() + " accepted",
                            pickedUp.get() + " picked up",
                            completed.get() + " completed",
                            cancelled.get() + " cancelled",
                            cancelPending.get() + " cancels answered 202 pending (declared difference)",
                            cancelRefused.get() + " cancels refused after pickup",
                            races.get() + " cancel/pickup races")
                    .toString()
                    .replace("[", "")
                    .replace("]", "");
        }
    }
}
