package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Feeds;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task manager dies mid-replay: the job restarts from its last checkpoint on a new one and
 * replays what came after it. Clients must see every change (no gap), the same epoch, and the
 * exact final state; the replayed part of the change log must repeat the same versions.
 */
class MatchRecoveryTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    @Test
    void aTaskManagerKilledMidReplayLosesNothing() throws Exception {
        Map<String, List<MatchEvent>> matches = CricsheetRecords.matches("1181768", "1136564");
        List<MatchEvent> feed = Feeds.interleave(List.copyOf(matches.values()));
        try (JobHarness h = new JobHarness(kafka, "recovery", 2);
                LocalJob job = h.start(dir.resolve("recovery"), "--entities", "match", "--checkpoint-interval", "10s");
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG);
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS)) {
            int firstPart = feed.size() * 2 / 5;
            int secondPart = feed.size() * 3 / 5;
            h.sendMatches(feed.subList(0, firstPart));
            changes.readUntil(read -> read.size() >= firstPart, Duration.ofMinutes(1), "the first part of the feed");
            awaitCheckpointAfter(job, System.currentTimeMillis());

            // Checkpoints come every 10 s, so none falls between the one just taken and the failure:
            // everything the second part produced is written and must be replayed identically.
            h.sendMatches(feed.subList(firstPart, secondPart));
            changes.readUntil(read -> read.size() >= secondPart, Duration.ofMinutes(1), "the second part of the feed");
            job.cluster().terminateTaskManager(0).get(30, TimeUnit.SECONDS);
            job.cluster().startTaskManager();
            h.sendMatches(feed.subList(secondPart, feed.size()));

            Settled.await(Settled.counts(matches), changes, deltas);
            assertThat(JobHarness.failures(job)).as("the one failure we caused").isEqualTo(1);
            List<ConsumerRecord<String, String>> snapshotRecords = snapshots.read();
            List<ConsumerRecord<String, String>> deltaRecords = deltas.read();
            List<ChangeLogEntry> log = changes.read().stream().map(r -> Json.read(r.value(), ChangeLogEntry.class)).toList();

            assertThat(log.size()).as("the replay after the restart repeated part of the change log")
                    .isGreaterThan(feed.size());
            for (Map.Entry<String, List<MatchEvent>> match : matches.entrySet()) {
                String channel = "match:" + match.getKey();
                ChannelHistory history = ChannelHistory.of(channel, deltaRecords, snapshotRecords);
                long last = history.lastPublished();

                assertThat(history.foldFromFirstSnapshot().state())
                        .isEqualTo(MatchView.of(Scorer.fold(match.getValue())))
                        .isEqualTo(history.finalState());
                assertThat(history.uncoveredVersions(last)).as("versions no delta covers").isEmpty();
                String epoch = history.snapshots().get(0).epoch();
                assertThat(history.deltas()).extracting(Delta::epoch).containsOnly(epoch);
                assertThat(history.snapshots()).extracting(Snapshot::epoch).containsOnly(epoch);

                Map<Long, JsonNode> byVersion = new HashMap<>();
                for (ChangeLogEntry entry : log) {
                    if (!entry.entityId().equals(match.getKey())) {
                        continue;
                    }
                    JsonNode seen = byVersion.putIfAbsent(entry.version(), Json.tree(entry));
                    if (seen != null) {
                        assertThat(Json.tree(entry)).as("version %d replayed identically", entry.version()).isEqualTo(seen);
                    }
                }
                assertThat(byVersion.keySet()).hasSize(match.getValue().size());
            }
        }
    }


    static void awaitCheckpointAfter(LocalJob job, long millis) throws Exception {
        Await.value("a checkpoint completed after " + millis, Duration.ofMinutes(1), () -> {
            var latest = LocalJob.latestCheckpoint(job.checkpoints());
            return latest.isPresent() && Files.getLastModifiedTime(latest.get().resolve("_metadata")).toMillis() > millis
                    ? latest.get() : null;
        });
    }
}
