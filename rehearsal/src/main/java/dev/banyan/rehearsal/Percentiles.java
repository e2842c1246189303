package dev.banyan.rehearsal;

import java.util.List;

/** Nearest-rank percentiles, as the traffic table reports them. */
final class Percentiles {

    private Percentiles() {}

    /** The {@code p}th percentile of {@code values} (nearest rank); 0 when there are none. */
    static double of(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
