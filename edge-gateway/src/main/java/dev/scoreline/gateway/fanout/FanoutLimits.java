package dev.scoreline.gateway.fanout;

import java.time.Duration;

/**
 * How much one connection may lag before it is conflated, and then closed.
 *
 * @param queueBytes the most bytes waiting for one connection (queued here plus handed to the
 *     transport and not yet written); a delta that would go past it makes the connection's queue
 *     for that channel be replaced by one fresh snapshot
 * @param writeWindowBytes the most bytes handed to the transport at once; the rest waits in the
 *     queue, where conflation can still replace it
 * @param maxConflations conflations allowed within {@code conflationWindow}; one more closes the
 *     connection as too slow
 * @param stallTimeout a connection whose writes make no progress for this long is closed as too
 *     slow
 */
public record FanoutLimits(
        long queueBytes,
        long writeWindowBytes,
        int maxConflations,
        Duration conflationWindow,
        Duration stallTimeout) {

    public FanoutLimits {
        if (queueBytes < 1024 || writeWindowBytes < 1 || writeWindowBytes > queueBytes) {
            throw new IllegalArgumentException("need queueBytes >= 1024 and 1 <= writeWindowBytes <= queueBytes: "
                    + queueBytes + ", " + writeWindowBytes);
        }
        if (maxConflations < 0 || conflationWindow.isNegative() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("bad conflation or stall limits");
        }
    }

    /** Catch-up deltas beyond this many bytes are replaced by a snapshot at subscribe time. */
    public long maxReplayBytes() {
        return queueBytes / 2;
    }
}
