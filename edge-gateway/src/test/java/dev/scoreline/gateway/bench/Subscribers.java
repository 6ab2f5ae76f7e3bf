package dev.scoreline.gateway.bench;

import java.time.Duration;

/** The load driver's clients: each records, for every delta it receives, the delay since its send. */
interface Subscribers extends AutoCloseable {

    int size();

    /** Starts a round in which every subscriber expects {@code deltas} deltas. */
    void reset(int deltas);

    /** Waits until every subscriber has its deltas of the round; false on time-out. */
    boolean awaitAll(Duration timeout) throws InterruptedException;

    /** {@link System#nanoTime()} of the round's last delivery. */
    long lastReceivedNanos();

    /** Every delay of the round, in nanoseconds. */
    long[] latencies();

    @Override
    void close();

    /** Reads the {@code "sentAt":<nanos>} the driver put in each delta; -1 when absent (a snapshot). */
    static long sentAt(CharSequence text) {
        String s = text.toString();
        int at = s.indexOf("\"sentAt\":");
        if (at < 0) {
            return -1;
        }
        int from = at + 9;
        int to = from;
        while (to < s.length() && Character.isDigit(s.charAt(to))) {
            to++;
        }
        return Long.parseLong(s.substring(from, to));
    }
}
