package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.TickerLine;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ticker on a Flink MiniCluster against a real Kafka broker: every recorded match replayed at
 * once, the matches' lines going through the ticker's topic to the ticker, and the {@code scores}
 * channel as a client folds it.
 */
class TickerJobTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    @Test
    void theScoresChannelFoldsToTheLineOfEachMatchAsTheScorerFoldsIt() throws Exception {
        Map<String, List<MatchEvent>> matches = CricsheetRecords.matches(
                "1082591", "1082625", "1136564", "1178424", "1181766", "1181768", "1426312", "335988");
        int lines = matches.values().stream().mapToInt(TickerJobTest::linesSent).sum();
        try (JobHarness h = new JobHarness(kafka, "ticker", 2);
                // --entities match: the ticker comes with the matches
                LocalJob job = h.start(dir.resolve("ticker"), "--entities", "match", "--snapshot-interval", "2s");
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS);
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG);
                TopicReader tickerEvents = h.reader(Topic.TICKER_EVENTS)) {
            h.sendMatches(Feeds.interleave(List.copyOf(matches.values())));

            Settled.await(Settled.counts(matches), changes, deltas);
            Settled.await(Map.of(Channel.SCORES, lines), "", changes, deltas);
            ChannelHistory history = ChannelHistory.snapshotted(Channel.SCORES, deltas, snapshots);
            long last = history.lastPublished();
            Snapshot folded = history.foldFromFirstSnapshot();
            assertThat(folded.version()).isEqualTo(last).isEqualTo(lines);
            assertThat(folded.state()).isEqualTo(history.finalState());
            assertThat(history.uncoveredVersions(last)).as("versions no delta covers").isEmpty();

            JsonNode shown = folded.state().path("matches");
            assertThat(shown.size()).isEqualTo(matches.size());
            matches.forEach((id, events) -> assertThat(shown.get(id)).as("match %s", id)
                    .isEqualTo(Json.tree(TickerLine.of(Scorer.fold(events)))));

            List<ConsumerRecord<String, String>> sent = tickerEvents.read();
            assertThat(sent).hasSize(lines).extracting(ConsumerRecord::key).containsOnly(Channel.SCORES);
        }
    }

    /** How many lines a match sends the ticker: one per event that changes its line. */
    private static int linesSent(List<MatchEvent> events) {
        Scorer scorer = new Scorer();
        List<MatchEvent> accepted = new ArrayList<>();
        MatchState state = null;
        int lines = 0;
        for (MatchEvent event : events) {
            MatchState next = ((Scorer.Decision.Accepted<MatchState>) scorer.apply(state, event, () -> accepted)).state();
            accepted.add(event);
            lines += scorer.messages(event, state, next, accepted.size()).size();
            state = next;
        }
        return lines;
    }
}
