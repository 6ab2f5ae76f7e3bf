package dev.scoreline.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.TopicReader;
import java.time.Duration;
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

    /** The channel's history once a snapshot has caught up with its last delta. */
    static ChannelHistory snapshotted(String channel, TopicReader deltas, TopicReader snapshots) {
        List<ConsumerRecord<String, String>> deltaRecords = deltas.read();
        long last = of(channel, deltaRecords, List.of()).lastPublished();
        List<ConsumerRecord<String, String>> snapshotRecords = snapshots.readUntil(
                read -> read.stream().anyMatch(r -> r.key().equals(channel)
                        && Json.read(r.value(), Snapshot.class).version() == last),
                Duration.ofMinutes(1), "the snapshot of " + channel + " at its last delta");
        return of(channel, deltaRecords, snapshotRecords);
    }

    Snapshot lastSnapshot() {
        return snapshots.get(snapshots.size() - 1);
    }

    /** Folds the deltas onto the first snapshot as a client would; fails on a gap or a new epoch. */
    Snapshot foldFromFirstSnapshot() {
        ChannelView client = new ChannelView(channel);
        client.snapshot(snapshots.get(0));
        deltas.forEach(delta -> client.delta(0, delta));
        if (client.gaps() > 0 || client.newEpochs() > 0) {
            throw new AssertionError("the deltas do not fold onto the first snapshot: " + client);
        }
        return new Snapshot(channel, client.epoch(), client.version(), client.state());
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
