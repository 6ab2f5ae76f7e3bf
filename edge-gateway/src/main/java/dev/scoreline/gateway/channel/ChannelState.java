package dev.scoreline.gateway.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.wire.ClientMessage.Position;
import java.util.List;

/**
 * The gateway's copy of one channel: its latest state with epoch and version, and a ring of the
 * recent deltas. It follows the version contract of docs/topics.md ("Versions and deltas"): stale
 * deltas are ignored, a delta that leaves a gap keeps the last good state and waits for a snapshot,
 * a new epoch starts only from its first delta or its snapshot.
 *
 * <p>Not thread-safe: the owner serialises access (one lock per channel).
 */
public final class ChannelState {

    private final String channel;
    private final DeltaRing ring;

    private String epoch;
    private long version;
    private ObjectNode state;

    /** The epoch whose snapshot is awaited (the current one after a gap), or null. */
    private String awaitedEpoch;

    /**
     * Set while warming up from a snapshot until a delta of the snapshot's own epoch shows up:
     * until then, deltas of other epochs read from the (older) start of the delta topic are from
     * before that snapshot and must not replace it.
     */
    private boolean pinnedBySnapshot;

    private Frame snapshotFrame;

    public ChannelState(String channel, int ringCapacity) {
        this.channel = channel;
        this.ring = new DeltaRing(ringCapacity);
    }

    public String channel() {
        return channel;
    }

    /** Whether any state is known yet. */
    public boolean known() {
        return state != null;
    }

    public String epoch() {
        return epoch;
    }

    public long version() {
        return version;
    }

    /** True while a gap or an unstartable epoch keeps this state from following the deltas. */
    public boolean awaitingSnapshot() {
        return awaitedEpoch != null;
    }

    /**
     * @param warmingUp true while the gateway replays the topics from their start, before it
     *     serves live records
     */
    public Change onSnapshot(Snapshot snapshot, boolean warmingUp) {
        ObjectNode incoming = (ObjectNode) snapshot.state();
        if (state == null || !snapshot.epoch().equals(epoch)) {
            reset(snapshot.epoch(), snapshot.version(), incoming);
            pinnedBySnapshot = warmingUp;
            return new Change(Change.Outcome.RESET, snapshotFrame());
        }
        if (snapshot.version() <= version) {
            return Change.of(Change.Outcome.STALE);
        }
        ObjectNode patch = (ObjectNode) MergePatch.diff(state, incoming);
        Frame bridge = Frame.bridge(channel, epoch, version + 1, snapshot.version(), patch);
        state = incoming;
        version = snapshot.version();
        ring.add(bridge);
        snapshotFrame = null;
        if (epoch.equals(awaitedEpoch)) {
            awaitedEpoch = null;
        }
        return new Change(Change.Outcome.BRIDGED, bridge);
    }

    /**
     * @param kafkaTimestamp the record's timestamp, carried by the frame for the delta-age metric
     * @param warmingUp as for {@link #onSnapshot}
     */
    public Change onDelta(Delta delta, long kafkaTimestamp, boolean warmingUp) {
        if (state == null) {
            if (delta.from() == 1) {
                startEpoch(delta, kafkaTimestamp);
                return new Change(Change.Outcome.RESET, snapshotFrame());
            }
            awaitedEpoch = delta.epoch();
            return Change.of(Change.Outcome.AWAITING_EPOCH);
        }
        Delta.Fit fit = delta.fit(epoch, version);
        if (fit == Delta.Fit.NEW_EPOCH) {
            if (warmingUp && pinnedBySnapshot) {
                return Change.of(Change.Outcome.OLD_EPOCH);
            }
            if (delta.from() == 1) {
                startEpoch(delta, kafkaTimestamp);
                return new Change(Change.Outcome.RESET, snapshotFrame());
            }
            awaitedEpoch = delta.epoch();
            return Change.of(Change.Outcome.AWAITING_EPOCH);
        }
        pinnedBySnapshot = false;
        switch (fit) {
            case STALE:
                return Change.of(Change.Outcome.STALE);
            case GAP:
                awaitedEpoch = epoch;
                return Change.of(Change.Outcome.GAP);
            default:
                MergePatch.applyInPlace(state, delta.patch());
                version = delta.to();
                snapshotFrame = null;
                Frame frame = Frame.delta(delta, kafkaTimestamp);
                ring.add(frame);
                if (epoch.equals(awaitedEpoch)) {
                    awaitedEpoch = null;
                }
                return new Change(Change.Outcome.APPLIED, frame);
        }
    }

    /** The current state as a snapshot frame, encoded once per version; null while unknown. */
    public Frame snapshotFrame() {
        if (state == null) {
            return null;
        }
        if (snapshotFrame == null) {
            snapshotFrame = Frame.snapshot(channel, epoch, version, state);
        }
        return snapshotFrame;
    }

    /**
     * What a new subscriber needs first: the deltas it missed when the ring has them and they
     * weigh no more than {@code maxReplayBytes}, else a snapshot; nothing when it is up to date or
     * when no state is known yet (the first state will reach it as a snapshot).
     *
     * @param since what the subscriber holds, or null for nothing
     */
    public List<Frame> catchUp(Position since, long maxReplayBytes) {
        if (state == null) {
            return List.of();
        }
        if (since == null || !since.epoch().equals(epoch) || since.version() > version) {
            return List.of(snapshotFrame());
        }
        if (since.version() == version) {
            return List.of();
        }
        List<Frame> missed = ring.after(since.version());
        if (missed == null || missed.stream().mapToLong(Frame::size).sum() > maxReplayBytes) {
            return List.of(snapshotFrame());
        }
        return missed;
    }

    /** A copy of the current state, for tests and diagnostics; null while unknown. */
    public JsonNode stateCopy() {
        return state == null ? null : state.deepCopy();
    }

    private void startEpoch(Delta first, long kafkaTimestamp) {
        ObjectNode fresh = Json.object();
        MergePatch.applyInPlace(fresh, first.patch());
        reset(first.epoch(), first.to(), fresh);
        ring.add(Frame.delta(first, kafkaTimestamp));
    }

    private void reset(String newEpoch, long newVersion, ObjectNode newState) {
        epoch = newEpoch;
        version = newVersion;
        state = newState;
        ring.clear();
        snapshotFrame = null;
        pinnedBySnapshot = false;
        awaitedEpoch = null;
    }
}
