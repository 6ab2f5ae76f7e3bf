package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What "exact, nothing lost, nothing applied twice" means for one match, checked against the scorer's own fold. */
final class MatchChecks {

    private MatchChecks() {}

    /** Waits until the client holds the match's final view at its last visible version. */
    static void awaitSettled(ChannelView client, List<MatchEvent> events, Duration timeout) {
        JsonNode expected = Matches.finalView(events);
        long last = Matches.lastVisibleVersion(events);
        Await.value(() -> "version " + last + " with the final view: " + client, timeout,
                () -> client.version() >= last && expected.equals(client.state()) ? client : null);
    }

    /**
     * The client's fold is the scorer's, it saw no gap and no new epoch, and every version up to the
     * last visible one is spanned by a delta it received.
     */
    static void assertExact(ChannelView client, List<MatchEvent> events) {
        assertThat(client.state()).as("the client's scorecard of %s", client).isEqualTo(Matches.finalView(events));
        assertThat(client.gaps()).as("deltas that skipped versions (lost changes) at %s", client).isZero();
        assertThat(client.newEpochs()).as("epoch changes (state rebuilt) at %s", client).isZero();
        assertThat(client.uncovered(Matches.lastVisibleVersion(events))).as("versions no delta covered").isEmpty();
        assertThat(client.snapshots()).extracting(s -> s.epoch()).containsOnly(client.epoch());
    }

    /**
     * Every version of the match is in the change log, and where a recovery logged a version again,
     * the copy is identical: a replay re-applies the same event to the same state.
     *
     * @return how many entries were logged again by replays
     */
    static int assertChangeLogReplaysIdentical(String bootstrap, String matchId, int events) {
        // the change log can trail the deltas a client settled on: read until it holds every version, a while
        List<ConsumerRecord<String, String>> log = TopicReader.readAll(bootstrap, Topic.STATE_CHANGELOG.defaultName());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (log.stream().filter(r -> matchId.equals(r.key())).count() < events && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            log = TopicReader.readAll(bootstrap, Topic.STATE_CHANGELOG.defaultName());
        }
        Map<Long, JsonNode> byVersion = new HashMap<>();
        int repeats = 0;
        for (ConsumerRecord<String, String> r : log) {
            if (!matchId.equals(r.key())) {
                continue;
            }
            ChangeLogEntry entry = Json.read(r.value(), ChangeLogEntry.class);
            JsonNode seen = byVersion.putIfAbsent(entry.version(), Json.tree(entry));
            if (seen != null) {
                repeats++;
                assertThat(Json.tree(entry)).as("version %d of %s logged again identically", entry.version(), matchId)
                        .isEqualTo(seen);
            }
        }
        assertThat(byVersion.keySet()).as("versions of %s in the change log", matchId)
                .isEqualTo(LongStream.rangeClosed(1, events).boxed().collect(Collectors.toSet()));
        return repeats;
    }
}
