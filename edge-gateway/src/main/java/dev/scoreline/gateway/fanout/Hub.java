package dev.scoreline.gateway.fanout;

import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.channel.Change;
import dev.scoreline.gateway.channel.ChannelState;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.wire.ClientMessage.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 */
public final class Hub {

    /** A channel's position, for listings. */
    public record Summary(String channel, String epoch, long version) {}

    private final ChannelState state;
    private final long maxReplayBytes;
    private final Set<Connection> subscribers = new LinkedHashSet<>();
    private final Map<Connection, Long> ahead = new HashMap<>();
    private boolean retired;

    Hub(String channel, int ringCapacity, long maxReplayBytes) {
        this.state = new ChannelState(channel, ringCapacity);
        this.maxReplayBytes = maxReplayBytes;
    }

    public String channel() {
        return state.channel();
    }

    /** @return null when this hub was retired meanwhile (the caller looks the channel up again) */
    synchronized Change apply(Snapshot snapshot, boolean warmingUp) {
        if (retired) {
            return null;
        }
        return fanOut(state.onSnapshot(snapshot, warmingUp));
    }

    /** @return null when this hub was retired meanwhile (the caller looks the channel up again) */
    synchronized Change apply(Delta delta, long kafkaTimestamp, boolean warmingUp) {
        if (retired) {
            return null;
        }
        return fanOut(state.onDelta(delta, kafkaTimestamp, warmingUp));
    }

    private Change fanOut(Change change) {
        Frame frame = change.frame();
        if (frame != null && ahead.isEmpty()) {
            for (Connection c : subscribers) {
                c.deliver(frame, this);
            }
        } else if (frame != null) {
            for (Connection c : subscribers) {
                Long held = ahead.get(c);
                if (held == null || change.outcome() == Change.Outcome.RESET) {
                    ahead.remove(c);
                    c.deliver(frame, this);
                } else if (state.version() > held) {
                    ahead.remove(c);
                    c.catchUp(state.catchUp(new Position(state.epoch(), held), maxReplayBytes));
                }
            }
        }
        return change;
    }

    /** @return false when this hub was retired meanwhile (the caller looks the channel up again) */
    synchronized boolean subscribe(Connection connection, Position since) {
        if (retired) {
            return false;
        }
        if (!connection.isOpen()) {
            return true;
        }
        if (subscribers.contains(connection)) {
            connection.forget(channel());
        }
        ahead.remove(connection);
        if (since != null && state.known() && since.epoch().equals(state.epoch()) && since.version() > state.version()) {
            ahead.put(connection, since.version());
        } else {
            connection.catchUp(state.catchUp(since, maxReplayBytes));
        }
        subscribers.add(connection);
        connection.subscribed(this);
        return true;
    }

    synchronized void unsubscribe(Connection connection) {
        subscribers.remove(connection);
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
        List<Connection> followers = new ArrayList<>(subscribers);
        subscribers.clear();
        ahead.clear();
        for (Connection c : followers) {
            c.unsubscribed(this);
        }
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
