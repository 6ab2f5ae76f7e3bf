package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Snapshot;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a Flink MiniCluster with RocksDB against a real Kafka broker, fed recorded matches,
 * with either delivery guarantee of the sink (exactly-once writes in Kafka transactions committed
 * at checkpoints; the readers here read committed records only).
 */
class MatchJobTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestKafka.get();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at-least-once", "exactly-once"})
    void twoMatchesAtOnceFoldFromTheirDeltasToTheScorersOwnResult(String delivery) throws Exception {
        Map<String, List<MatchEvent>> matches = Map.of("1082591", Settled.recorded("1082591"), "1082625", Settled.recorded("1082625"));
        try (JobHarness h = new JobHarness(kafka, "two-" + delivery, 2);
                LocalJob job = h.start(dir.resolve(delivery), "--entities", "match", "--delivery", delivery);
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS);
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG)) {
            JobHarness.interleave(List.copyOf(matches.values())).forEach(e -> h.send(Topic.MATCH_EVENTS, e));
            h.flush();

            Settled.await(Settled.counts(matches), changes, deltas);
            List<ConsumerRecord<String, String>> snapshotRecords = snapshots.read();
            List<ConsumerRecord<String, String>> deltaRecords = deltas.read();

            for (Map.Entry<String, List<MatchEvent>> match : matches.entrySet()) {
                ChannelHistory history = ChannelHistory.of("match:" + match.getKey(), deltaRecords, snapshotRecords);
                long last = history.lastPublished();
                Snapshot folded = history.foldFromFirstSnapshot();

                assertThat(history.lastSnapshot().version()).as("a finished match's last change is snapshotted").isEqualTo(last);
                assertThat(folded.version()).isEqualTo(last);
                assertThat(folded.state()).isEqualTo(history.finalState());
                assertThat(folded.state()).isEqualTo(MatchView.of(Scorer.fold(match.getValue())));
                assertThat(history.uncoveredVersions(last)).isEmpty();
                assertThat(history.deltas()).as("batching: fewer deltas than events").hasSizeLessThan((int) last);
            }
        }
    }
}
