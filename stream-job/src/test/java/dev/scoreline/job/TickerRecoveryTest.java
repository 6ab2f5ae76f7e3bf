package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.TickerLine;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Feeds;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.ticker.event.TickerEvent;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task manager dies mid-replay: the matches restored from the checkpoint send their lines after
 * it again, under the same ids, and the ticker takes each line once, so the scores channel goes on
 * without a gap and ends on each match's line.
 */
class TickerRecoveryTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    @Test
    void linesSentAgainAfterARestoreAreTakenOnce() throws Exception {
        Map<String, List<MatchEvent>> matches = CricsheetRecords.matches("1082625", "1426312");
        List<MatchEvent> feed = Feeds.interleave(List.copyOf(matches.values()));
        try (JobHarness h = new JobHarness(kafka, "ticker-recovery", 2);
                LocalJob job = h.start(dir.resolve("recovery"), "--entities", "match", "--checkpoint-interval", "10s",
                        "--snapshot-interval", "2s");
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG);
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS);
                TopicReader tickerEvents = h.reader(Topic.TICKER_EVENTS)) {
            int firstPart = feed.size() * 2 / 5;
            int secondPart = feed.size() * 3 / 5;
            h.sendMatches(feed.subList(0, firstPart));
            changes.readUntil(read -> matchEntries(read) >= firstPart, Duration.ofMinutes(1), "the first part");
            MatchRecoveryTest.awaitCheckpointAfter(job, System.currentTimeMillis());

            h.sendMatches(feed.subList(firstPart, secondPart));
            changes.readUntil(read -> matchEntries(read) >= secondPart, Duration.ofMinutes(1), "the second part");
            job.cluster().terminateTaskManager(0).get(30, TimeUnit.SECONDS);
            job.cluster().startTaskManager();
            h.sendMatches(feed.subList(secondPart, feed.size()));

            Settled.await(Settled.counts(matches), changes, deltas);
            List<TickerEvent> sent = tickerEvents.read().stream()
                    .map(r -> Json.read(r.value(), TickerEvent.class)).toList();
            Set<String> ids = new HashSet<>();
            sent.forEach(line -> ids.add(line.eventId()));
            assertThat(sent).as("the restored matches sent part of their lines again").hasSizeGreaterThan(ids.size());
            Settled.await(Map.of(Channel.SCORES, ids.size()), "", changes, deltas);

            List<ChangeLogEntry> log = changes.read().stream().filter(r -> r.key().equals(Channel.SCORES))
                    .map(r -> Json.read(r.value(), ChangeLogEntry.class)).toList();
            // The ticker was restored too and logs the versions after its checkpoint again: the
            // same line at the same version each time, and every line at one version only.
            Map<Long, String> lineAt = new HashMap<>();
            log.forEach(entry -> assertThat(lineAt.putIfAbsent(entry.version(), entry.eventId()))
                    .as("version %d", entry.version()).isIn(null, entry.eventId()));
            assertThat(lineAt.values()).as("each line once").containsExactlyInAnyOrderElementsOf(ids);

            ChannelHistory history = ChannelHistory.snapshotted(Channel.SCORES, deltas, snapshots);
            long last = history.lastPublished();
            assertThat(last).isEqualTo(ids.size());
            assertThat(history.uncoveredVersions(last)).as("versions no delta covers").isEmpty();
            assertThat(history.deltas()).extracting(Delta::epoch).containsOnly(history.snapshots().get(0).epoch());
            assertThat(history.foldFromFirstSnapshot().state()).isEqualTo(history.finalState());
            matches.forEach((id, events) -> assertThat(history.finalState().path("matches").get(id)).as(id)
                    .isEqualTo(Json.tree(TickerLine.of(Scorer.fold(events)))));
        }
    }

    private static long matchEntries(List<ConsumerRecord<String, String>> log) {
        return log.stream().filter(r -> !r.key().equals(Channel.SCORES)).count();
    }

}
