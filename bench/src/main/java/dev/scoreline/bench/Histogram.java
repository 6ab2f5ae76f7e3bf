package dev.scoreline.bench;

import java.util.Arrays;

/**
 * Latencies in microseconds, kept in log-linear buckets (every value below 128 µs exactly, above
 * that 64 buckets per power of two: within 1.6% of the true value) so that millions of samples
 * cost a fixed 18 KiB and histograms of several processes merge by adding counts. Not
 * thread-safe.
 */
public final class Histogram {

    private static final int LINEAR = 128;
    private static final int SUB_BUCKETS = 64;
    private static final int MAGNITUDES = 40;
    private static final int SIZE = LINEAR + (MAGNITUDES - 7) * SUB_BUCKETS;

    private final long[] counts = new long[SIZE];
    private long total;
    private long max;

    public void recordNanos(long nanos) {
        record(Math.max(0, nanos) / 1_000);
    }

    public void record(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    public long count() {
        return total;
    }

    public long maxMicros() {
        return max;
    }

    /** The smallest recorded value such that a fraction {@code p} of all samples are at or below it. */
    public double percentileMillis(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i < SIZE; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, upperBound(i)) / 1000.0;
            }
        }
        return max / 1000.0;
    }

    public void add(Histogram other) {
        for (int i = 0; i < SIZE; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    public void reset() {
        Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    /** {@code max;index:count,index:count...} of the non-empty buckets, to pass between processes. */
    public String encode() {
        StringBuilder out = new StringBuilder().append(max).append(';');
        for (int i = 0; i < SIZE; i++) {
            if (counts[i] != 0) {
                out.append(i).append(':').append(counts[i]).append(',');
            }
        }
        return out.toString();
    }

    public static Histogram decode(String text) {
        Histogram h = new Histogram();
        int semi = text.indexOf(';');
        if (semi < 0) {
            throw new IllegalArgumentException("not an encoded histogram: " + text);
        }
        h.max = Long.parseLong(text.substring(0, semi));
        for (String pair : text.substring(semi + 1).split(",")) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            long n = Long.parseLong(pair.substring(colon + 1));
            h.counts[Integer.parseInt(pair.substring(0, colon))] += n;
            h.total += n;
        }
        return h;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(v);
        if (magnitude >= MAGNITUDES) {
            return SIZE - 1;
        }
        int sub = (int) ((v >>> (magnitude - 6)) & (SUB_BUCKETS - 1));
        return LINEAR + (magnitude - 7) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls in bucket {@code i}. */
    static long upperBound(int i) {
        if (i < LINEAR) {
            return i;
        }
        int magnitude = (i - LINEAR) / SUB_BUCKETS + 7;
        int sub = (i - LINEAR) % SUB_BUCKETS;
        long width = 1L << (magnitude - 6);
        return (1L << magnitude) + (sub + 1) * width - 1;
    }
}
