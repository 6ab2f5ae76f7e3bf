package dev.scoreline.bench.play;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the bots did within the measuring window, each counted by when it happened: acts sent
 * (the offered load), verdicts read (the answered load), refusals, error frames by code, and
 * the wait for a pacer slot (the bots' thinking). Thread-safe.
 */
final class PlayCounters {

    private final LongAdder sent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder waitedNanos = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile long fromNanos = Long.MAX_VALUE;
    private volatile long untilNanos = Long.MAX_VALUE;

    /** Counts from {@code fromNanos} until {@code untilNanos}, from zero. */
    void window(long fromNanos, long untilNanos) {
        this.fromNanos = Long.MAX_VALUE;
        sent.reset();
        accepted.reset();
        refused.reset();
        waitedNanos.reset();
        waits.reset();
        errors.clear();
        this.untilNanos = untilNanos;
        this.fromNanos = fromNanos;
    }

    private boolean counted(long nanos) {
        return nanos >= fromNanos && nanos < untilNanos;
    }

    void sent(long now) {
        if (counted(now)) {
            sent.increment();
        }
    }

    void verdict(boolean wasAccepted, long now) {
        if (counted(now)) {
            (wasAccepted ? accepted : refused).increment();
        }
    }

    void error(String code) {
        if (counted(System.nanoTime())) {
            errors.computeIfAbsent(code, k -> new LongAdder()).increment();
        }
    }

    void waited(long nanos, long now) {
        if (counted(now)) {
            waitedNanos.add(nanos);
            waits.increment();
        }
    }

    long sent() {
        return sent.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long refused() {
        return refused.sum();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The error frames by code, "code n, code n", or "" when none. */
    String errorsByCode() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((code, n) -> sorted.put(code, n.sum()));
        return String.join(", ", sorted.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** The mean wait of a ready bot for its slot, ms. */
    double meanWaitMillis() {
        long n = waits.sum();
        return n == 0 ? Double.NaN : waitedNanos.sum() / 1e6 / n;
    }
}
