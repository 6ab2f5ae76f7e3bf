package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.wire.Frame;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One client connection as the fan-out sees it: its subscriptions and its outbound queue, bounded
 * in bytes. Whoever produces frames (the lane of its transport thread for the channels' changes,
 * the transport thread answering the client, the verdict feed) only queues them and asks the
 * transport thread to write; nothing here ever waits for the client.
 *
 * <p>A connection that falls behind has its waiting frames of the lagging channel replaced by one
 * fresh snapshot (conflation). One that keeps falling behind, or whose backlog stays over the
 * limit even so, or whose writes stop making progress, is closed as {@link CloseReason#TOO_SLOW}.
 *
 * <p>Locking: a channel's {@link Hub} lock may be held when calling in here, never the other way
 * round: this connection's lock is never held while taking a hub's lock (a conflation on the
 * lane lets go of the connection's lock, then asks the hub, which calls back under its own).
 */
public final class Connection {

    private enum State { OPEN, CLOSING, CLOSED }

    private final long id;
    private final String transport;
    private final Sink sink;
    private final FanoutLimits limits;
    private final FanoutMetrics metrics;
    private final LongSupplier nanoClock;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(2);
    private final Sink.WriteDone writeDone = new WriteDone();
    /** One task object for the connection's life: a flush is scheduled again and again. */
    private final Runnable flushTask = this::flush;
    private volatile Lane lane;
    /** Queued to in the lane's current pass; only the lane's thread touches it. */
    private boolean touched;

    /** The connection itself: one object fewer to reach for each of the many deliveries. */
    private final Object lock = this;
    private final OutboundQueue queue = new OutboundQueue();
    /** When it was conflated lately; made at its first conflation, which most connections never see. */
    private ArrayDeque<Long> conflationTimes;
    private long inFlightBytes;
    private long lastProgressNanos;
    private boolean flushScheduled;
    private State state = State.OPEN;

    public Connection(long id, String transport, Sink sink, FanoutLimits limits, FanoutMetrics metrics,
            LongSupplier nanoClock) {
        this.id = id;
        this.transport = transport;
        this.sink = sink;
        this.limits = limits;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.lastProgressNanos = nanoClock.getAsLong();
        metrics.connectionOpened(transport);
    }

    public boolean isOpen() {
        synchronized (lock) {
            return state == State.OPEN;
        }
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    public boolean isSubscribed(String channel) {
        return subscriptions.containsKey(channel);
    }

    Lane lane() {
        return lane;
    }

    void lane(Lane lane) {
        this.lane = lane;
    }

    Executor thread() {
        return sink.thread();
    }

    /**
     * Records a subscription {@link Hub#subscribe} sets up, under the hub's lock: the frames it
     * needs first, current to the hub's change {@code after} (none, and {@link Long#MAX_VALUE},
     * while the connection is held until the hub catches up with it).
     */
    Subscription subscribed(Hub hub, List<Frame> catchUp, long after) {
        Subscription s = new Subscription(this, hub, after);
        synchronized (lock) {
            Subscription previous = subscriptions.put(hub.channel(), s);
            if (previous == null) {
                metrics.subscribed();
            } else {
                previous.ended = true;
            }
            queueLocked(catchUp);
        }
        return s;
    }

    /** Forgets a subscription whose hub has been retired under it. */
    void unsubscribed(Subscription s) {
        boolean removed;
        synchronized (lock) {
            s.ended = true;
            removed = subscriptions.remove(s.hub().channel(), s);
        }
        if (removed) {
            metrics.unsubscribed();
        }
        forget(s.hub().channel());
    }

    /** Ends a subscription: no more frames of this channel, and none of its waiting ones. */
    public void unsubscribe(String channel, Hubs hubs) {
        Subscription s;
        synchronized (lock) {
            s = subscriptions.remove(channel);
            if (s != null) {
                s.ended = true;
            }
        }
        if (s != null) {
            metrics.unsubscribed();
            hubs.leave(s.hub(), this);
        }
    }

    /** Drops the waiting frames of a channel this connection no longer follows. */
    void forget(String channel) {
        int dropped;
        synchronized (lock) {
            dropped = queue.removeChannel(channel);
        }
        metrics.dropped(dropped);
    }

    /**
     * Frames a held subscription needs now that its hub has caught up with it (missed deltas, or a
     * new epoch's snapshot), current to the hub's change {@code at}; called under the hub's lock.
     */
    void catchUp(Subscription s, List<Frame> frames, long at) {
        synchronized (lock) {
            if (s.ended) {
                return;
            }
            s.after = at;
            queueLocked(frames);
        }
    }

    private void queueLocked(List<Frame> frames) {
        if (state != State.OPEN || frames.isEmpty()) {
            return;
        }
        for (Frame frame : frames) {
            queue.add(frame, false);
        }
        scheduleFlushLocked();
    }

    /**
     * A change fanned out as it happened, on the connection's lane; skipped when this connection
     * does not follow its hub or was already sent a state that includes it.
     *
     * @return true when something was queued (the lane then flushes the connection)
     */
    boolean offer(Subscription s, Lane.Delivery d) {
        Frame frame = d.frame();
        synchronized (lock) {
            if (state != State.OPEN || s.ended || d.seq() <= s.after) {
                return false;
            }
            if (backlogLocked() + frame.size() <= limits.queueBytes()) {
                queue.add(frame, true);
                return true;
            }
        }
        s.hub().conflate(s, frame);
        return true;
    }

    /**
     * The change {@code unsent} did not fit: what waits of its channel gives way to the hub's
     * current snapshot, current to the hub's change {@code at}; called under the hub's lock.
     */
    void conflated(Subscription s, Frame unsent, Frame snapshot, long at) {
        boolean tooSlow;
        String why;
        int dropped;
        synchronized (lock) {
            if (state != State.OPEN || s.ended || at <= s.after) {
                return;
            }
            s.after = at;
            dropped = queue.removeChannel(s.hub().channel()) + (snapshot == unsent ? 0 : 1);
            queue.add(snapshot, false);
            long now = nanoClock.getAsLong();
            if (conflationTimes == null) {
                conflationTimes = new ArrayDeque<>(limits.maxConflations() + 2);
            }
            conflationTimes.addLast(now);
            while (!conflationTimes.isEmpty() && now - conflationTimes.peekFirst() > limits.conflationWindow().toNanos()) {
                conflationTimes.pollFirst();
            }
            if (backlogLocked() > limits.queueBytes()) {
                tooSlow = true;
                why = "too slow: " + backlogLocked() + " bytes waiting even after conflation (limit "
                        + limits.queueBytes() + ")";
            } else if (conflationTimes.size() > limits.maxConflations()) {
                tooSlow = true;
                why = "too slow: fell behind " + conflationTimes.size() + " times in "
                        + limits.conflationWindow().toSeconds() + " s";
            } else {
                tooSlow = false;
                why = null;
            }
        }
        metrics.conflated();
        metrics.dropped(dropped);
        if (tooSlow) {
            close(CloseReason.TOO_SLOW, why);
        }
    }

    /** Marks the connection queued to in the lane's pass; false when it already was. */
    boolean touch() {
        if (touched) {
            return false;
        }
        touched = true;
        return true;
    }

    void untouch() {
        touched = false;
    }

    /** An error message for the client, queued behind what is already waiting. */
    public void sendError(String code, String message, String channel) {
        metrics.errorSent(code);
        send(Frame.error(code, message, channel));
    }

    /** An error answering one {@code act} frame, queued behind what is already waiting. */
    public void sendActError(String code, String message, String channel, String actionId) {
        metrics.errorSent(code);
        send(Frame.actError(code, message, channel, actionId));
    }

    /** A reply of the gateway's own (a pong, a verdict), queued behind what is already waiting. */
    public void send(Frame frame) {
        boolean tooSlow;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            queue.add(frame, false);
            tooSlow = backlogLocked() > limits.queueBytes();
            if (!tooSlow) {
                scheduleFlushLocked();
            }
        }
        if (tooSlow) {
            close(CloseReason.TOO_SLOW, "too slow: replies pile up unread");
        }
    }

    /** Hands waiting frames to the transport, up to the write window; on the transport's thread. */
    public void flush() {
        List<Queued> batch;
        synchronized (lock) {
            flushScheduled = false;
            if (state != State.OPEN || queue.isEmpty()) {
                return;
            }
            long room = limits.writeWindowBytes() - inFlightBytes;
            if (room <= 0) {
                return;
            }
            if (inFlightBytes == 0) {
                lastProgressNanos = nanoClock.getAsLong();
            }
            batch = queue.take(room);
            for (Queued q : batch) {
                inFlightBytes += q.frame().size();
            }
        }
        metrics.handedOver(batch, System.currentTimeMillis());
        sink.write(batch, writeDone);
    }

    /** Closes a connection whose writes have not moved for the stall time-out; on a timer. */
    public void checkStall() {
        boolean stalled;
        synchronized (lock) {
            stalled = state == State.OPEN && inFlightBytes > 0
                    && nanoClock.getAsLong() - lastProgressNanos > limits.stallTimeout().toNanos();
        }
        if (stalled) {
            close(CloseReason.TOO_SLOW, "too slow: nothing written for " + limits.stallTimeout().toSeconds() + " s");
        }
    }

    /**
     * Closes this connection for {@code reason} and asks the transport to end, telling the client
     * why where it can. A connection too slow (or broken) loses what waits; any other first
     * gets what is queued (the error that explains the close, say). Safe from any thread; only the
     * first call counts.
     */
    public void close(CloseReason reason, String detail) {
        int dropped = 0;
        List<Queued> last = List.of();
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
            if (reason == CloseReason.TOO_SLOW || reason == CloseReason.ERROR) {
                dropped = queue.clear();
            } else {
                last = queue.take(Long.MAX_VALUE);
            }
        }
        metrics.closed(reason);
        metrics.dropped(dropped);
        List<Queued> parting = last;
        sink.thread().execute(() -> {
            if (!parting.isEmpty()) {
                metrics.handedOver(parting, System.currentTimeMillis());
                sink.write(parting, writeDone);
            }
            sink.close(reason, detail);
        });
    }

    /** The transport has ended (whoever ended it); leaves every channel. Called once, by the transport. */
    public void closed(Hubs hubs) {
        boolean byPeer;
        int dropped;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            byPeer = state == State.OPEN;
            state = State.CLOSED;
            dropped = queue.clear();
        }
        if (byPeer) {
            metrics.closed(CloseReason.PEER);
        }
        metrics.dropped(dropped);
        for (String channel : List.copyOf(subscriptions.keySet())) {
            unsubscribe(channel, hubs);
        }
        metrics.connectionClosed(transport);
    }

    private long backlogLocked() {
        return queue.bytes() + inFlightBytes;
    }

    private void scheduleFlushLocked() {
        if (!flushScheduled && inFlightBytes < limits.writeWindowBytes()) {
            flushScheduled = true;
            sink.thread().execute(flushTask);
        }
    }

    @Override
    public String toString() {
        return transport + "#" + id;
    }

    private final class WriteDone implements Sink.WriteDone {
        @Override
        public void written(long bytes) {
            synchronized (lock) {
                inFlightBytes -= bytes;
                lastProgressNanos = nanoClock.getAsLong();
                if (state == State.OPEN && !queue.isEmpty()) {
                    scheduleFlushLocked();
                }
            }
        }

        @Override
        public void failed(Throwable cause) {
            close(CloseReason.ERROR, "write failed: " + cause.getMessage());
        }
    }
}
