package dev.banyan.proxy.routing;

import java.nio.charset.StandardCharsets;

/**
 * Sticky canary cohorts. A key is hashed (FNV-1a 64, then the MurmurHash3 finaliser, salted with the service name)
 * into a bucket from 0 to 9,999; the request goes to the service iff {@code bucket < percent × 100}. Because the
 * threshold only grows when the percent is raised, a key that was on the service stays there: cohorts are monotonic.
 * The hash is pure and stable across restarts, machines and JVMs.
 */
public final class CanaryBuckets {

    public static final int BUCKETS = 10_000;

    private CanaryBuckets() {}

    public static int bucket(String salt, String key) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, salt.getBytes(StandardCharsets.UTF_8));
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = fnv(h, key.getBytes(StandardCharsets.UTF_8));
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) Long.remainderUnsigned(h, BUCKETS);
    }

    /** Whether a bucket is inside the canary at the share given in basis points (percent × 100). */
    public static boolean inService(int bucket, int percentBasisPoints) {
        return bucket < percentBasisPoints;
    }

    private static long fnv(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
