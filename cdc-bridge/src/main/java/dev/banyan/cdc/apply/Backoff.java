package dev.banyan.cdc.apply;

import java.time.Duration;

/**
 * The pause before the next attempt: starts at the initial delay and doubles after every pause up to the maximum
 * (Debezium's {@code DelayStrategy.exponential} is the model). One instance per retried operation, so each operation
 * starts from the initial delay again.
 */
public final class Backoff {

    /** Pauses between attempts; replaceable so the retry schedule can be tested without waiting. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final long maxMillis;
    private final Sleeper sleeper;
    private long nextMillis;

    private Backoff(long initialMillis, long maxMillis, Sleeper sleeper) {
        this.nextMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.sleeper = sleeper;
    }

    public static Backoff exponential(Duration initial, Duration max, Sleeper sleeper) {
        return new Backoff(initial.toMillis(), max.toMillis(), sleeper);
    }

    /** The pause the next {@link #pause()} takes, in milliseconds. */
    public long nextMillis() {
        return nextMillis;
    }

    /** Sleeps the current delay, then doubles it (capped at the maximum). */
    public void pause() throws InterruptedException {
        long millis = nextMillis;
        nextMillis = Math.min(nextMillis * 2, maxMillis);
        sleeper.sleep(millis);
    }
}
