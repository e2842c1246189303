package dev.banyan.proxy.fallback;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held in memory at once, over all requests. Each buffered body is capped by
 * {@code banyan.max-body-size}; this caps their sum, so many concurrent uploads to routes that buffer (fallback,
 * shadow) cannot exhaust the heap. A request that would go over the budget is refused rather than buffered.
 */
public final class BodyBudget {

    /** The budget is spent; the client should retry shortly. */
    public static final class ExhaustedException extends RuntimeException {

        ExhaustedException(long wanted, long used, long limit) {
            super("The proxy is holding too many request bodies at once (" + used + " of " + limit + " bytes buffered, "
                    + wanted + " more wanted); retry shortly");
        }
    }

    /**
     * The bytes one request holds. It grows as the body arrives and is given back when its last holder lets go:
     * the exchange, and a shadow copy still sending the body after the client had its answer.
     */
    public final class Reservation {

        private long reserved;

        private int holders = 1;

        private Reservation() {}

        /** Makes sure {@code total} bytes are reserved. */
        synchronized void reserveUpTo(long total) {
            if (holders == 0) {
                throw new IllegalStateException("reservation already given back");
            }
            if (total > reserved) {
                take(total - reserved);
                reserved = total;
            }
        }

        /** One more holder; each calls {@link #release()} once. */
        public synchronized void retain() {
            if (holders > 0) {
                holders++;
            }
        }

        public synchronized void release() {
            if (holders > 0 && --holders == 0) {
                give(reserved);
                reserved = 0;
            }
        }
    }

    private final long limit;

    private final AtomicLong used = new AtomicLong();

    public BodyBudget(long limit) {
        this.limit = limit;
    }

    /** A new, empty reservation with one holder. */
    public Reservation open() {
        return new Reservation();
    }

    public long used() {
        return used.get();
    }

    public long limit() {
        return limit;
    }

    private void take(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit) {
                throw new ExhaustedException(bytes, now, limit);
            }
            if (used.compareAndSet(now, now + bytes)) {
                return;
            }
        }
    }

    private void give(long bytes) {
        used.addAndGet(-bytes);
    }
}
