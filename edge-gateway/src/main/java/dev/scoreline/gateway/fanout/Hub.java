package dev.scoreline.gateway.fanout;

import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.channel.Change;
import dev.scoreline.gateway.channel.ChannelState;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.wire.ClientMessage.Position;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One channel at this gateway: its state and the connections subscribed to it, under one lock.
 * Applying a record and fanning out what it produced happen under that lock, and so does a new
 * subscription's catch-up, so a subscriber never misses nor doubles a frame between the two.
 */
public final class Hub {

    /** A channel's position, for listings. */
    public record Summary(String channel, String epoch, long version) {}

    private final ChannelState state;
    private final long maxReplayBytes;
    private final Set<Connection> subscribers = new LinkedHashSet<>();
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
        if (frame != null) {
            for (Connection c : subscribers) {
                c.deliver(frame, this);
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
        connection.catchUp(state.catchUp(since, maxReplayBytes));
        subscribers.add(connection);
        connection.subscribed(this);
        return true;
    }

    synchronized void unsubscribe(Connection connection) {
        subscribers.remove(connection);
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

    /** Marks this hub retired when it holds nothing worth keeping; see {@link Hubs}. */
    synchronized boolean retireIfIdle() {
        if (!retired && !state.known() && subscribers.isEmpty()) {
            retired = true;
        }
        return retired;
    }
}
