package dev.scoreline.gateway.fanout;

import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.channel.Change;
import dev.scoreline.gateway.channel.ChannelState;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.wire.ClientMessage.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One channel at this gateway: its state and the connections subscribed to it, under one lock.
 * Applying a record and fanning out what it produced happen under that lock, and so does a new
 * subscription's catch-up, so a subscriber never misses nor doubles a frame between the two.
 *
 * <p>A subscriber that resumes from a version of the current epoch this gateway has not reached
 * yet (it came from a gateway further ahead, or this one is still catching up with Kafka) is held:
 * it keeps its newer state and gets nothing until the channel passes its version, then the deltas
 * after it (or a snapshot when the ring does not reach back). Sending it the older snapshot would
 * take its state back in time, and the deltas that follow are not all meant for any base but the
 * gateway's own.
 *
 * <p>Changes reach subscribers through their transport threads' {@link Lane}s, each change posted
 * once per lane with the lane's subscribers of that moment. Every change is numbered; what a
 * connection is sent directly under this lock (its catch-up, a conflation's snapshot) records the
 * number it is current to, and the connection skips the changes up to it still on their way.
 */
public final class Hub {

    /** A channel's position, for listings. */
    public record Summary(String channel, String epoch, long version) {}

    private final ChannelState state;
    private final long maxReplayBytes;
    private final Map<Connection, Subscription> subscribers = new LinkedHashMap<>();
    private final Map<Connection, Long> ahead = new HashMap<>();
    /** The subscribers per lane, by the lane's index; an array only grows in place, so a posted delivery's view stays valid. */
    private Members[] byLane = new Members[0];
    /** Changes fanned out so far. */
    private long seq;
    private boolean retired;

    private static final class Members {
        Subscription[] subscriptions = new Subscription[4];
        int count;
    }

    Hub(String channel, int ringCapacity, long maxReplayBytes) {
        this.state = new ChannelState(channel, ringCapacity);
        this.maxReplayBytes = maxReplayBytes;
    }

    public String channel() {
        return state.channel();
    }

    /** @return null when this hub was retired meanwhile (the caller looks the channel up again) */
    synchronized Change apply(Snapshot snapshot, boolean warmingUp, Hubs.Batch batch) {
        if (retired) {
            return null;
        }
        return fanOut(state.onSnapshot(snapshot, warmingUp), batch);
    }

    /** @return null when this hub was retired meanwhile (the caller looks the channel up again) */
    synchronized Change apply(Delta delta, long kafkaTimestamp, boolean warmingUp, Hubs.Batch batch) {
        if (retired) {
            return null;
        }
        return fanOut(state.onDelta(delta, kafkaTimestamp, warmingUp), batch);
    }

    /** @param batch the batch the change is part of, whose end wakes the lanes; null to wake them now */
    private Change fanOut(Change change, Hubs.Batch batch) {
        Frame frame = change.frame();
        if (frame == null) {
            return change;
        }
        long at = ++seq;
        if (!ahead.isEmpty()) {
            for (var it = ahead.entrySet().iterator(); it.hasNext(); ) {
                var held = it.next();
                Subscription s = subscribers.get(held.getKey());
                if (change.outcome() == Change.Outcome.RESET) {
                    it.remove();
                    held.getKey().catchUp(s, List.of(frame), at);
                } else if (state.version() > held.getValue()) {
                    it.remove();
                    held.getKey().catchUp(s,
                            state.catchUp(new Position(state.epoch(), held.getValue()), maxReplayBytes), at);
                }
            }
        }
        for (int i = 0; i < byLane.length; i++) {
            Members m = byLane[i];
            if (m != null && m.count > 0) {
                Lane lane = m.subscriptions[0].connection().lane();
                lane.post(new Lane.Delivery(frame, at, m.subscriptions, m.count), batch == null);
                if (batch != null) {
                    batch.posted(lane);
                }
            }
        }
        return change;
    }

    /**
     * Replaces what {@code connection} waits for of this channel by the current snapshot; called
     * on the connection's lane when a change does not fit in its queue.
     */
    synchronized void conflate(Subscription subscription, Frame unsent) {
        Frame snapshot = state.snapshotFrame();
        if (!retired && snapshot != null) {
            subscription.connection().conflated(subscription, unsent, snapshot, seq);
        }
    }

    /** @return false when this hub was retired meanwhile (the caller looks the channel up again) */
    synchronized boolean subscribe(Connection connection, Position since) {
        if (retired) {
            return false;
        }
        if (!connection.isOpen()) {
            return true;
        }
        Subscription previous = subscribers.remove(connection);
        if (previous != null) {
            leave(previous);
            connection.forget(channel());
        }
        ahead.remove(connection);
        boolean held = since != null && state.known() && since.epoch().equals(state.epoch())
                && since.version() > state.version();
        Subscription s = held
                ? connection.subscribed(this, List.of(), Long.MAX_VALUE)
                : connection.subscribed(this, state.catchUp(since, maxReplayBytes), seq);
        if (held) {
            ahead.put(connection, since.version());
        }
        subscribers.put(connection, s);
        join(s);
        return true;
    }

    private void join(Subscription s) {
        int lane = s.connection().lane().index();
        if (lane >= byLane.length) {
            byLane = Arrays.copyOf(byLane, lane + 1);
        }
        Members m = byLane[lane];
        if (m == null) {
            m = byLane[lane] = new Members();
        }
        if (m.count == m.subscriptions.length) {
            m.subscriptions = Arrays.copyOf(m.subscriptions, m.count * 2);
        }
        m.subscriptions[m.count++] = s;
    }

    private void leave(Subscription s) {
        Members m = byLane[s.connection().lane().index()];
        Subscription[] left = new Subscription[m.subscriptions.length];
        int n = 0;
        for (int i = 0; i < m.count; i++) {
            if (m.subscriptions[i] != s) {
                left[n++] = m.subscriptions[i];
            }
        }
        // a new array: deliveries on their way keep reading the old one
        m.subscriptions = left;
        m.count = n;
    }

    synchronized void unsubscribe(Connection connection) {
        Subscription s = subscribers.remove(connection);
        if (s != null) {
            leave(s);
        }
        ahead.remove(connection);
        connection.forget(channel());
    }

    /** The current snapshot, or null while no state is known. */
    public synchronized Frame snapshotFrame() {
        return state.snapshotFrame();
    }

    /** The channel's position, or null while no state is known. */
    public synchronized Summary summary() {
        return state.known() ? new Summary(channel(), state.epoch(), state.version()) : null;
    }

    /**
     * Retires this hub whatever it holds (its channel is no longer served here).
     *
     * @return the connections that followed it, which keep no subscription to it
     */
    synchronized List<Connection> retire() {
        retired = true;
        List<Connection> followers = new ArrayList<>(subscribers.keySet());
        for (Subscription s : subscribers.values()) {
            s.connection().unsubscribed(s);
        }
        subscribers.clear();
        ahead.clear();
        byLane = new Members[0];
        return followers;
    }

    /** Marks this hub retired when it holds nothing worth keeping; see {@link Hubs}. */
    synchronized boolean retireIfIdle() {
        if (!retired && !state.known() && subscribers.isEmpty()) {
            retired = true;
        }
        return retired;
    }
}
