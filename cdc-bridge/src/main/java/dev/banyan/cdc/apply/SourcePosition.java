package dev.banyan.cdc.apply;

/**
 * Where a streamed change sits in the source's commit order, as a total order that survives replays.
 *
 * <p>{@code txOrder} is the LSN of the commit that precedes the change's transaction in the stream (Debezium calls it
 * {@code lsn_commit}; it is the first element of the source {@code sequence}). Logical decoding emits transactions in
 * commit order, so it grows strictly from one transaction to the next. {@code lsn} is the WAL position of the change
 * itself, which grows (not strictly) within a transaction. {@code ordinal} counts changes that share both values:
 * a multi-row {@code COPY} writes one WAL record for many rows, so they all carry the same LSN.
 */
public record SourcePosition(long txOrder, long lsn, int ordinal) implements Comparable<SourcePosition> {

    public static final SourcePosition ORIGIN = new SourcePosition(0, 0, 0);

    @Override
    public int compareTo(SourcePosition other) {
        int c = Long.compareUnsigned(txOrder, other.txOrder);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(lsn, other.lsn);
        return c != 0 ? c : Integer.compare(ordinal, other.ordinal);
    }

    public boolean isAtOrBelow(SourcePosition other) {
        return compareTo(other) <= 0;
    }

    public static String formatLsn(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    @Override
    public String toString() {
        return "tx-after " + formatLsn(txOrder) + ", lsn " + formatLsn(lsn) + " #" + ordinal;
    }
}
