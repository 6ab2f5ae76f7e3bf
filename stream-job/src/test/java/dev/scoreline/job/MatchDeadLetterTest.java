package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input among good: every bad record is a dead letter with its reason; nothing else is disturbed. */
class MatchDeadLetterTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    private record Bad(String reason, RecordMetadata where, String mention) {}

    @Test
    void badRecordsBecomeDeadLettersWhileTheMatchStaysExact() throws Exception {
        List<MatchEvent> match = CricsheetRecords.events("1082591");
        Instant t = Instant.parse("2024-01-01T10:00:00Z");
        try (JobHarness h = new JobHarness(kafka, "bad", 2);
                LocalJob job = h.start(dir.resolve("bad"), "--entities", "match", "--max-record-bytes", "4096");
                TopicReader letters = h.reader(Topic.DEAD_LETTERS);
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG);
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS)) {
            List<Bad> bad = new ArrayList<>();
            int half = match.size() / 2;
            match.subList(0, half).forEach(e -> h.send(Topic.MATCH_EVENTS, e));
            h.flush();

            bad.add(new Bad(DeadLetter.MALFORMED_JSON,
                    h.sendRaw(Topic.MATCH_EVENTS, "1082591", "{\"type\":\"delivery\",\"matchId\":"), "not JSON"));
            bad.add(new Bad(DeadLetter.MALFORMED_JSON, h.sendRaw(Topic.MATCH_EVENTS, "1082591", ""), "no value"));
            bad.add(new Bad(DeadLetter.SCHEMA_VIOLATION, h.sendRaw(Topic.MATCH_EVENTS, "1082591",
                    "{\"type\":\"delivery\",\"eventId\":\"x1\",\"matchId\":\"1082591\",\"eventTime\":\"2017-04-05T15:00:00Z\","
                            + "\"over\":3,\"batter\":\"DA Warner\",\"bowler\":\"TS Mills\",\"nonStriker\":\"S Dhawan\"}"),
                    "$.runs"));
            bad.add(new Bad(DeadLetter.SCHEMA_VIOLATION, h.sendRaw(Topic.MATCH_EVENTS, "1082591", "42"), "$"));
            bad.add(new Bad(DeadLetter.SCHEMA_VIOLATION, h.sendRaw(Topic.MATCH_EVENTS, "1082591",
                    "{\"type\":\"delivery\",\"eventId\":\"x2\",\"matchId\":\"1082591\",\"eventTime\":\"yesterday\","
                            + "\"over\":\"three\",\"batter\":\"A\",\"bowler\":\"B\",\"nonStriker\":\"C\","
                            + "\"runs\":{\"batter\":0,\"extras\":0,\"total\":0}}"), "$.over"));
            bad.add(new Bad(DeadLetter.OVERSIZED, h.sendRaw(Topic.MATCH_EVENTS, "1082591",
                    "{\"pad\":\"" + "x".repeat(5000) + "\"}"), "limit of 4096"));
            bad.add(new Bad(DeadLetter.UNKNOWN_ENTITY, h.sendRaw(Topic.MATCH_EVENTS, "nope", Json.string(new Delivery(
                    "nope:1", "nope", t, 0, "A", "B", "C", new Delivery.Runs(1, 0, 1, false), null, null))), "nope"));
            MatchStart other = new MatchStart("other:start", "other", t, List.of("X", "Y"),
                    Map.of("X", List.of("x1", "x2"), "Y", List.of("y1", "y2")), 20, 6, null, null);
            h.sendRaw(Topic.MATCH_EVENTS, "other", Json.string(other));
            bad.add(new Bad(DeadLetter.REJECTED, h.sendRaw(Topic.MATCH_EVENTS, "other",
                    Json.string(new DeliveryUndo("other:undo", "other", t.plusSeconds(1)))), "undo"));
            h.sendRaw(Topic.MATCH_EVENTS, "1082591", Json.string(match.get(half - 1)));

            match.subList(half, match.size()).forEach(e -> h.send(Topic.MATCH_EVENTS, e));
            h.flush();
            bad.add(new Bad(DeadLetter.REJECTED, h.sendRaw(Topic.MATCH_EVENTS, "1082591", Json.string(new Delivery(
                    "1082591:late", "1082591", Instant.parse("2017-04-05T23:00:00Z"), 19, "DA Warner", "TS Mills",
                    "S Dhawan", new Delivery.Runs(4, 0, 4, false), null, null))), "1082591:late"));

            List<DeadLetter> dead = letters.readUntil(read -> read.size() >= bad.size(), Duration.ofMinutes(2),
                    "every dead letter").stream().map(r -> Json.read(r.value(), DeadLetter.class)).toList();
            Settled.await(Map.of("1082591", match.size(), "other", 1), changes, deltas);

            assertThat(dead).hasSize(bad.size());
            for (Bad expected : bad) {
                assertThat(dead).as("a dead letter for the record at offset %d", expected.where().offset())
                        .filteredOn(d -> d.partition() == expected.where().partition()
                                && d.offset() == expected.where().offset())
                        .singleElement()
                        .satisfies(d -> {
                            assertThat(d.reason()).isEqualTo(expected.reason());
                            assertThat(d.sourceTopic()).isEqualTo(h.topic(Topic.MATCH_EVENTS));
                            assertThat(d.message() + " " + d.errors() + " " + d.value()).contains(expected.mention());
                        });
            }
            assertThat(dead).filteredOn(d -> d.reason().equals(DeadLetter.OVERSIZED)).singleElement()
                    .satisfies(d -> assertThat(d.value().length()).isLessThanOrEqualTo(DeadLetter.MAX_VALUE_CHARS));

            List<ConsumerRecord<String, String>> snapshotRecords = snapshots.read();
            ChannelHistory history = ChannelHistory.of("match:1082591", deltas.read(), snapshotRecords);
            assertThat(history.foldFromFirstSnapshot().state()).isEqualTo(MatchView.of(Scorer.fold(match)));
            assertThat(job.status()).isEqualTo(org.apache.flink.api.common.JobStatus.RUNNING);
            assertThat(JobHarness.failures(job)).as("job failures, each a restart").isZero();
        }
    }
}
