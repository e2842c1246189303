package dev.banyan.rehearsal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the clients saw during one step: who answered, what failed, how long it took. */
final class TrafficStats {

    private final Map<String, Integer> byBackend = new TreeMap<>();
    private final List<String> failureSamples = new ArrayList<>();
    private long[] latenciesMicros = new long[1024];
    private int requests;
    private int failures;

    synchronized void record(String backend, int status, long micros, String what) {
        if (requests == latenciesMicros.length) {
            latenciesMicros = Arrays.copyOf(latenciesMicros, requests * 2);
        }
        latenciesMicros[requests++] = micros;
        byBackend.merge(backend == null ? "unknown" : backend, 1, Integer::sum);
        if (isFailure(status)) {
            failures++;
            if (failureSamples.size() < 10) {
                failureSamples.add(what + " -> " + (status == 0 ? "no response" : "HTTP " + status));
            }
        }
    }

    /** The load generator only sends valid requests, so only a domain refusal (409, 422) is an acceptable non-2xx. */
    static boolean isFailure(int status) {
        return !(status >= 200 && status < 300) && status != 409 && status != 422;
    }

    synchronized Snapshot snapshot() {
        long[] sorted = Arrays.copyOf(latenciesMicros, requests);
        Arrays.sort(sorted);
        return new Snapshot(
                requests,
                failures,
                new TreeMap<>(byBackend),
                percentile(sorted, 50),
                percentile(sorted, 99),
                List.copyOf(failureSamples));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
    }

    record Snapshot(
            int requests,
            int failures,
            Map<String, Integer> byBackend,
            double p50Millis,
            double p99Millis,
            List<String> failureSamples) {

        String share() {
            if (requests == 0) {
                return "-";
            }
            StringBuilder text = new StringBuilder();
            byBackend.forEach((backend, count) -> {
                if (!text.isEmpty()) {
                    text.append(", ");
                }
                text.append(backend)
                        .append(' ')
                        .append(Math.round(100.0 * count / requests))
                        .append('%');
            });
            return text.toString();
        }
    }
}
