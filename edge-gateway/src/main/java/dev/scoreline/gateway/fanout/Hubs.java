package dev.scoreline.gateway.fanout;

import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.channel.Change;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.wire.ClientMessage.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Every channel this gateway knows or has subscribers for. A channel that someone subscribed to
 * before any state arrived gets a hub too; it is dropped again when its last subscriber leaves and
 * still no state came, so that clients cannot pile up empty channels.
 */
public final class Hubs {

    private final ConcurrentHashMap<String, Hub> hubs = new ConcurrentHashMap<>();
    /** A lane per transport thread, found by the thread's executor. */
    private final ConcurrentHashMap<Executor, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger laneCount = new AtomicInteger();
    private final int ringCapacity;
    private final long maxReplayBytes;

    public Hubs(int ringCapacity, long maxReplayBytes) {
        this.ringCapacity = ringCapacity;
        this.maxReplayBytes = maxReplayBytes;
    }

    /** Applies a snapshot read from Kafka and fans out what it changed. */
    public Change apply(Snapshot snapshot, boolean warmingUp) {
        return apply(snapshot, warmingUp, null);
    }

    /** Applies a delta read from Kafka and fans out what it changed. */
    public Change apply(Delta delta, long kafkaTimestamp, boolean warmingUp) {
        return apply(delta, kafkaTimestamp, warmingUp, null);
    }

    private Change apply(Snapshot snapshot, boolean warmingUp, Batch batch) {
        while (true) {
            Change change = hub(snapshot.channel()).apply(snapshot, warmingUp, batch);
            if (change != null) {
                return change;
            }
            Thread.onSpinWait();
        }
    }

    private Change apply(Delta delta, long kafkaTimestamp, boolean warmingUp, Batch batch) {
        while (true) {
            Change change = hub(delta.channel()).apply(delta, kafkaTimestamp, warmingUp, batch);
            if (change != null) {
                return change;
            }
            Thread.onSpinWait();
        }
    }

    /** A batch of records to apply (a poll's), for one thread; see {@link Batch}. */
    public Batch batch() {
        return new Batch();
    }

    /**
     * Records applied together: the transport threads take their changes up every {@link
     * #KICK_EVERY} changes and when the batch closes, not at each one, so that the changes of a
     * poll reach a connection in few writes (at a thousand deltas a second a write per delta per
     * subscriber costs more than the rest of the fan-out) while the first of a large poll waits
     * only for a few hundred others.
     */
    public final class Batch implements AutoCloseable {

        static final int KICK_EVERY = 256;

        private final List<Lane> posted = new ArrayList<>(4);
        private int applied;

        private Batch() {}

        public Change apply(Snapshot snapshot, boolean warmingUp) {
            return counted(Hubs.this.apply(snapshot, warmingUp, this));
        }

        public Change apply(Delta delta, long kafkaTimestamp, boolean warmingUp) {
            return counted(Hubs.this.apply(delta, kafkaTimestamp, warmingUp, this));
        }

        void posted(Lane lane) {
            if (!posted.contains(lane)) {
                posted.add(lane);
            }
        }

        private Change counted(Change change) {
            if (++applied % KICK_EVERY == 0) {
                close();
            }
            return change;
        }

        @Override
        public void close() {
            for (Lane lane : posted) {
                lane.kick();
            }
            posted.clear();
        }
    }

    /**
     * Subscribes a connection (the channel name already validated and authorised): it gets what
     * it needs to catch up from {@code since}, then every change.
     */
    public void subscribe(Connection connection, String channel, Position since) {
        if (connection.lane() == null) {
            connection.lane(lanes.computeIfAbsent(connection.thread(), thread -> new Lane(laneCount.getAndIncrement(), thread)));
        }
        while (!hub(channel).subscribe(connection, since)) {
            Thread.onSpinWait();
        }
    }

    void leave(Hub hub, Connection connection) {
        hub.unsubscribe(connection);
        if (hub.retireIfIdle()) {
            // callers that still find it here see it retired and spin until it is gone
            hubs.remove(hub.channel(), hub);
        }
    }

    /**
     * Forgets the channels whose names pass {@code which} (a gateway no longer serves them): their
     * state goes, and so does every subscription to them.
     *
     * @return the connections that followed one of them, for the caller to tell
     */
    public List<Connection> drop(Predicate<String> which) {
        Set<Connection> followers = new LinkedHashSet<>();
        for (Hub hub : hubs.values()) {
            if (which.test(hub.channel())) {
                followers.addAll(hub.retire());
                hubs.remove(hub.channel(), hub);
            }
        }
        return new ArrayList<>(followers);
    }

    /** The current snapshot of a channel, if its state is known. */
    public Optional<Frame> snapshot(String channel) {
        Hub hub = hubs.get(channel);
        return hub == null ? Optional.empty() : Optional.ofNullable(hub.snapshotFrame());
    }

    /** Channels with a known state whose names pass {@code filter}, by name. */
    public List<Hub.Summary> list(Predicate<String> filter) {
        List<Hub.Summary> out = new ArrayList<>();
        for (Hub hub : hubs.values()) {
            if (filter.test(hub.channel())) {
                Hub.Summary summary = hub.summary();
                if (summary != null) {
                    out.add(summary);
                }
            }
        }
        out.sort(Comparator.comparing(Hub.Summary::channel));
        return out;
    }

    /** Channels whose state is known. */
    public int knownChannels() {
        return known(name -> true);
    }

    /** Private channels (seats, wallets) whose state is known. */
    public int knownPrivateChannels() {
        return known(name -> Channel.ownerOf(name) != null);
    }

    private int known(Predicate<String> which) {
        int n = 0;
        for (Hub hub : hubs.values()) {
            if (which.test(hub.channel()) && hub.summary() != null) {
                n++;
            }
        }
        return n;
    }

    private Hub hub(String channel) {
        return hubs.computeIfAbsent(channel, name -> new Hub(name, ringCapacity, maxReplayBytes));
    }
}
