package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Feeds;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job on a Flink MiniCluster with RocksDB against a real Kafka broker, fed recorded matches,
 * with either delivery guarantee of the sink (exactly-once writes in Kafka transactions committed
 * at checkpoints; the readers here read committed records only).
 */
class MatchJobTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at-least-once", "exactly-once"})
    void twoMatchesAtOnceFoldFromTheirDeltasToTheScorersOwnResult(String delivery) throws Exception {
        Map<String, List<MatchEvent>> matches = CricsheetRecords.matches("1082591", "1082625");
        replay("two-" + delivery, matches, (match, history) -> {
            long last = history.lastPublished();
            Snapshot folded = history.foldFromFirstSnapshot();

            assertThat(history.lastSnapshot().version()).as("a finished match's last change is snapshotted").isEqualTo(last);
            assertThat(folded.version()).isEqualTo(last);
            assertThat(folded.state()).isEqualTo(history.finalState());
            assertThat(folded.state()).isEqualTo(MatchView.of(Scorer.fold(match.getValue())));
            assertThat(history.uncoveredVersions(last)).isEmpty();
            assertThat(history.deltas()).as("batching: fewer deltas than events").hasSizeLessThan((int) last);
        }, "--delivery", delivery);
    }

    /**
     * Other formats through the job: a one-day match decided by D/L whose record goes on after its
     * target was passed, a first-class match won by an innings, and a Hundred match (5-ball overs)
     * decided by D/L.
     */
    @Test
    void aDlMatchAMultiDayMatchAndAHundredMatchFoldFromTheirDeltasToTheOfficialResult() throws Exception {
        Map<String, List<MatchEvent>> matches = CricsheetRecords.matches("913653", "1391773", "1252720");
        // The last events of a match may change nothing a client sees (an innings.end after the
        // balls ended it, a match.end that confirms the balls' result): they publish nothing of
        // their own, so the last delta reaches the match's last version only when they share its
        // batch. A long interval makes the final flush the one that takes them all (the 50-event
        // batches before it fall on the same versions in every run).
        replay("formats", matches, (match, history) -> {
            Snapshot folded = history.foldFromFirstSnapshot();

            assertThat(folded.version()).as(match.getKey()).isEqualTo(match.getValue().size());
            assertThat(history.lastSnapshot().version()).isEqualTo(folded.version());
            assertThat(folded.state()).as(match.getKey()).isEqualTo(history.lastSnapshot().state());
            assertThat(folded.state()).isEqualTo(MatchView.of(Scorer.fold(match.getValue())));
            assertThat(history.uncoveredVersions(folded.version())).isEmpty();
        }, "--batch-interval", "10s");
        assertThat(MatchView.of(Scorer.fold(matches.get("1391773"))).get("result"))
                .isEqualTo(Json.tree("{\"winner\":\"Queensland\",\"by\":{\"innings\":1,\"runs\":104}}"));
        assertThat(MatchView.of(Scorer.fold(matches.get("1252720"))).at("/result/method").asText()).isEqualTo("D/L");
    }

    /** Replays the matches interleaved through the job and checks each match's channel once all settled. */
    private void replay(String name, Map<String, List<MatchEvent>> matches,
            BiConsumer<Map.Entry<String, List<MatchEvent>>, ChannelHistory> check, String... jobArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--entities", "match"));
        args.addAll(List.of(jobArgs));
        try (JobHarness h = new JobHarness(kafka, name, 2);
                LocalJob job = h.start(dir.resolve(name), args.toArray(String[]::new));
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS);
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG)) {
            h.sendMatches(Feeds.interleave(List.copyOf(matches.values())));

            Settled.await(Settled.counts(matches), changes, deltas);
            List<ConsumerRecord<String, String>> snapshotRecords = snapshots.read();
            List<ConsumerRecord<String, String>> deltaRecords = deltas.read();
            for (Map.Entry<String, List<MatchEvent>> match : matches.entrySet()) {
                check.accept(match, ChannelHistory.of("match:" + match.getKey(), deltaRecords, snapshotRecords));
            }
        }
    }
}
