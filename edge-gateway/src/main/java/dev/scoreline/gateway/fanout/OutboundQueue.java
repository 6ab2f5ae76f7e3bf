package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.wire.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The frames waiting to be written to one connection, in order, with their total size in bytes.
 * Not thread-safe: {@link Connection} guards it.
 */
public final class OutboundQueue {

    /**
     * @param live true for a frame fanned out as it happened (its Kafka timestamp measures delta
     *     age), false for catch-up frames sent at subscribe time
     */
    public record Queued(Frame frame, boolean live) {}

    private final ArrayDeque<Queued> items = new ArrayDeque<>(4);
    private long bytes;

    public void add(Frame frame, boolean live) {
        items.addLast(new Queued(frame, live));
        bytes += frame.size();
    }

    /** Removes the snapshots and deltas of one channel (not its errors); returns how many. */
    public int removeChannel(String channel) {
        int removed = 0;
        for (Iterator<Queued> it = items.iterator(); it.hasNext(); ) {
            Frame frame = it.next().frame();
            if (frame.isState() && channel.equals(frame.channel())) {
                it.remove();
                bytes -= frame.size();
                removed++;
            }
        }
        return removed;
    }

    /**
     * Takes frames from the head while they fit in {@code maxBytes}; always at least one when the
     * queue is not empty, so that a frame larger than the budget still goes out.
     */
    public List<Queued> take(long maxBytes) {
        List<Queued> out = new ArrayList<>();
        long taken = 0;
        while (!items.isEmpty()) {
            Queued next = items.peekFirst();
            if (!out.isEmpty() && taken + next.frame().size() > maxBytes) {
                break;
            }
            items.pollFirst();
            taken += next.frame().size();
            out.add(next);
        }
        bytes -= taken;
        return out;
    }

    /** Empties the queue; returns how many frames were dropped. */
    public int clear() {
        int n = items.size();
        items.clear();
        bytes = 0;
        return n;
    }

    public long bytes() {
        return bytes;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
