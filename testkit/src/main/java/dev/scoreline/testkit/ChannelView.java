package dev.scoreline.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.patch.MergePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One channel as a client holds it: a snapshot, then every delta folded by the version rules
 * (ignore {@code to <= v}, apply {@code from-1 <= v < to}, a gap otherwise), with a record of
 * what arrived when. It never resynchronises on a gap or a new epoch: it counts them, and a test
 * that expects no loss asserts those counts are zero.
 */
public final class ChannelView {

    /** A delta as it arrived, and what the client did with it. */
    public record Arrival(long at, Delta delta, Delta.Fit fit) {}

    private final String channel;
    private ObjectNode state;
    private String epoch;
    private long version;
    private final List<Delta> waiting = new ArrayList<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private int applied;
    private int stale;
    private int gaps;
    private int newEpochs;
    private int resyncs;
    private int appliedTwice;
    private long overlapping;
    private final List<long[]> jumps = new ArrayList<>();

    public ChannelView(String channel) {
        this.channel = channel;
    }

    public String channel() {
        return channel;
    }

    public synchronized void snapshot(Snapshot s) {
        snapshots.add(s);
        if (state == null) {
            state = (ObjectNode) s.state().deepCopy();
            epoch = s.epoch();
            version = s.version();
            // What the client starts from: everything up to the snapshot's version.
            jumps.add(new long[] {1, s.version()});
            List<Delta> early = List.copyOf(waiting);
            waiting.clear();
            early.forEach(d -> fold(System.currentTimeMillis(), d));
        } else if (s.epoch().equals(epoch) && s.version() > version) {
            // A resubscription the gateway answered with a snapshot: the client jumps to it.
            jumps.add(new long[] {version + 1, s.version()});
            state = (ObjectNode) s.state().deepCopy();
            version = s.version();
            resyncs++;
        }
    }

    /** Snapshots that moved the client forward after its first (a resubscription's answer). */
    public synchronized int resyncs() {
        return resyncs;
    }

    public synchronized void delta(long at, Delta d) {
        if (state == null) {
            waiting.add(d);
            return;
        }
        fold(at, d);
    }

    private void fold(long at, Delta d) {
        Delta.Fit fit = d.fit(epoch, version);
        arrivals.add(new Arrival(at, d, fit));
        switch (fit) {
            case STALE -> stale++;
            case APPLIES -> {
                if (d.to() <= version) {
                    appliedTwice++;
                }
                overlapping += Math.max(0, version - d.from() + 1);
                MergePatch.applyInPlace(state, d.patch());
                version = d.to();
                applied++;
            }
            case GAP -> gaps++;
            case NEW_EPOCH -> newEpochs++;
        }
    }

    public synchronized ObjectNode state() {
        return state == null ? null : state.deepCopy();
    }

    public synchronized long version() {
        return version;
    }

    public synchronized String epoch() {
        return epoch;
    }

    public synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    public synchronized List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** Deltas that arrived again after the client had their versions (replays after a recovery), ignored. */
    public synchronized int stale() {
        return stale;
    }

    public synchronized int applied() {
        return applied;
    }

    /** Deltas applied although the client already had their last version: changes applied twice. */
    public synchronized int appliedTwice() {
        return appliedTwice;
    }

    /**
     * Versions that applied deltas carried again (a replay batched differently overlaps what the
     * client had): harmless by the merge-patch contract, counted to show replays happened.
     */
    public synchronized long overlapping() {
        return overlapping;
    }

    /** Deltas that left versions out: lost changes. */
    public synchronized int gaps() {
        return gaps;
    }

    public synchronized int newEpochs() {
        return newEpochs;
    }

    /** Versions 1..{@code last} that no delta the client received spans (nor a resubscription's snapshot): changes it could have missed. */
    public synchronized TreeSet<Long> uncovered(long last) {
        TreeSet<Long> missing = new TreeSet<>();
        for (long v = 1; v <= last; v++) {
            missing.add(v);
        }
        for (Arrival a : arrivals) {
            for (long v = a.delta().from(); v <= a.delta().to(); v++) {
                missing.remove(v);
            }
        }
        for (long[] jump : jumps) {
            for (long v = jump[0]; v <= jump[1]; v++) {
                missing.remove(v);
            }
        }
        for (Delta d : waiting) {
            for (long v = d.from(); v <= d.to(); v++) {
                missing.remove(v);
            }
        }
        return missing;
    }

    /** When the first delta reaching {@code version} arrived (applied), or -1. */
    public synchronized long arrivalOf(long versionAtLeast) {
        return arrivals.stream().filter(a -> a.fit() == Delta.Fit.APPLIES && a.delta().to() >= versionAtLeast)
                .mapToLong(Arrival::at).findFirst().orElse(-1);
    }

    @Override
    public synchronized String toString() {
        return channel + "@" + epoch + ":" + version + " (applied " + applied + ", stale " + stale + ", gaps " + gaps
                + ", new epochs " + newEpochs + ")";
    }
}
