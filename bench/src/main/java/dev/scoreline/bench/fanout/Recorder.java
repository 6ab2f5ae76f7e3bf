package dev.scoreline.bench.fanout;

import dev.scoreline.bench.Histogram;

/** What a subscriber process received in the current round; shared by its client threads. */
final class Recorder {

    private final Histogram latencies = new Histogram();
    private long deltas;
    private long others;
    private long first = Long.MAX_VALUE;
    private long last;

    synchronized void delta(long sentAt, long now) {
        deltas++;
        latencies.recordNanos(now - sentAt);
        first = Math.min(first, now);
        last = Math.max(last, now);
    }

    /** A snapshot (a conflation) or another message that counts as delivered but has no latency. */
    synchronized void other(long now) {
        others++;
        first = Math.min(first, now);
        last = Math.max(last, now);
    }

    synchronized void reset() {
        latencies.reset();
        deltas = 0;
        others = 0;
        first = Long.MAX_VALUE;
        last = 0;
    }

    /** {@code deltas others first last histogram}: one line of the process protocol. */
    synchronized String report() {
        return deltas + " " + others + " " + (first == Long.MAX_VALUE ? 0 : first) + " " + last + " "
                + latencies.encode();
    }
}
