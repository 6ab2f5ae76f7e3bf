package dev.scoreline.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a client of one channel would have seen: its deltas and snapshots as the job published
 * them, and the state a client gets by starting from the first snapshot and applying each delta
 * by the version rules.
 */
record ChannelHistory(String channel, List<Delta> deltas, List<Snapshot> snapshots) {

    static ChannelHistory of(String channel, List<ConsumerRecord<String, String>> deltaRecords,
            List<ConsumerRecord<String, String>> snapshotRecords) {
        return new ChannelHistory(channel,
                deltaRecords.stream().filter(r -> channel.equals(r.key())).map(r -> Json.read(r.value(), Delta.class)).toList(),
                snapshotRecords.stream().filter(r -> channel.equals(r.key())).map(r -> Json.read(r.value(), Snapshot.class)).toList());
    }

    Snapshot lastSnapshot() {
        return snapshots.get(snapshots.size() - 1);
    }

    /** Folds the deltas onto the first snapshot as a client would; fails on a gap. */
    Snapshot foldFromFirstSnapshot() {
        Snapshot first = snapshots.get(0);
        ObjectNode state = (ObjectNode) first.state().deepCopy();
        long version = first.version();
        for (Delta delta : deltas) {
            switch (delta.fit(first.epoch(), version)) {
                case STALE -> { }
                case APPLIES -> {
                    MergePatch.applyInPlace(state, delta.patch());
                    version = delta.to();
                }
                case GAP -> throw new AssertionError(channel + ": gap: holding " + version + ", next delta "
                        + delta.from() + ".." + delta.to());
                case NEW_EPOCH -> throw new AssertionError(channel + ": epoch changed from " + first.epoch()
                        + " to " + delta.epoch());
            }
        }
        return new Snapshot(channel, first.epoch(), version, state);
    }

    /** Versions 1..{@code last} that no delta spans: a client could have missed those changes. */
    TreeSet<Long> uncoveredVersions(long last) {
        TreeSet<Long> missing = new TreeSet<>();
        for (long v = 1; v <= last; v++) {
            missing.add(v);
        }
        for (Delta delta : deltas) {
            for (long v = delta.from(); v <= delta.to(); v++) {
                missing.remove(v);
            }
        }
        return missing;
    }

    /** The version of the last delta published, 0 before the first. */
    long lastPublished() {
        return deltas.stream().mapToLong(Delta::to).max().orElse(0);
    }

    JsonNode finalState() {
        return lastSnapshot().state();
    }
}
