package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.json.Json;
import dev.scoreline.table.Dealer;
import dev.scoreline.table.TableState;
import dev.scoreline.table.TeenPattiRules;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.table.sim.TableSimulator;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated Teen Patti tables through the job on a MiniCluster with RocksDB and a real Kafka. */
class TableJobTest {

    @TempDir
    static Path dir;

    private final InProcessKafka kafka = TestBroker.get();

    /** The rules folded directly, time-outs included, as the job must fold them. */
    private static Map<String, EntityRecord<TableState>> foldDirectly(List<TableEvent> events) {
        EntityEngine<TableState, TableEvent> engine = new EntityEngine<>(new TeenPattiRules(), SnapshotPolicy.DEFAULT);
        Map<String, EntityRecord<TableState>> tables = new HashMap<>();
        for (TableEvent event : events) {
            EntityEngine.Step<TableState, TableEvent> step =
                    engine.apply(tables.get(event.tableId()), null, event, List::of, "direct");
            assertThat(step.rejection()).as("the simulator plays legal moves: %s", event).isNull();
            tables.put(event.tableId(), step.record());
        }
        return tables;
    }

    @Test
    void simulatedTablesFoldFromTheirDeltasToTheRulesOwnResult() throws Exception {
        List<TableEvent> events = TableSimulator.play(7, TableSimulator.Settings.finite(4, 6, Instant.parse("2026-01-01T20:00:00Z")));
        Map<String, EntityRecord<TableState>> expected = foldDirectly(events);
        Map<String, Integer> versions = new HashMap<>();
        expected.forEach((id, record) -> versions.put(id, (int) record.version()));

        try (JobHarness h = new JobHarness(kafka, "tables", 2);
                LocalJob job = h.start(dir.resolve("tables"), "--entities", "table");
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG);
                TopicReader deltas = h.reader(Topic.STATE_DELTAS);
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS);
                TopicReader privateDeltas = h.reader(Topic.PRIVATE_DELTAS);
                TopicReader privateSnapshots = h.reader(Topic.PRIVATE_SNAPSHOTS)) {
            events.forEach(e -> h.send(Topic.TABLE_EVENTS, e));
            h.flush();
            Settled.await(versions, "table:", changes, deltas);
            List<ConsumerRecord<String, String>> publicRecords = new ArrayList<>(deltas.read());
            publicRecords.addAll(snapshots.read());
            assertThat(publicRecords).as("no seat in the topics every gateway reads")
                    .allMatch(r -> !r.key().contains("/seat:"));
            List<ConsumerRecord<String, String>> privateRecords = new ArrayList<>(privateDeltas.read());
            privateRecords.addAll(privateSnapshots.read());
            assertThat(privateRecords).as("seats only, each in its player's partition").isNotEmpty()
                    .allMatch(r -> r.key().contains("/seat:")
                            && r.partition() == Channel.privatePartition(Channel.ownerOf(r.key()), 2));
            List<ConsumerRecord<String, String>> deltaRecords = new ArrayList<>(deltas.read());
            deltaRecords.addAll(privateDeltas.read());
            List<ConsumerRecord<String, String>> snapshotRecords = new ArrayList<>(snapshots.read());
            snapshotRecords.addAll(privateSnapshots.read());

            TeenPattiRules rules = new TeenPattiRules();
            List<String> checked = new ArrayList<>();
            for (EntityRecord<TableState> record : expected.values()) {
                Map<Channel, JsonNode> views = rules.views(record.state());
                for (Map.Entry<Channel, JsonNode> view : views.entrySet()) {
                    ChannelHistory history = ChannelHistory.of(view.getKey().name(), deltaRecords, snapshotRecords);
                    // Through JSON text, as clients get it: in memory a long and an int of equal value differ.
                    JsonNode expectedView = dev.scoreline.json.Json.tree(dev.scoreline.json.Json.string(view.getValue()));
                    assertThat(history.foldFromFirstSnapshot().state()).as(view.getKey().name()).isEqualTo(expectedView);
                    assertThat(history.finalState()).as(view.getKey().name()).isEqualTo(expectedView);
                    assertThat(history.uncoveredVersions(history.lastPublished())).isEmpty();
                    checked.add(view.getKey().name());
                }
            }
            assertThat(checked).as("public and private channels").anyMatch(c -> c.contains("/seat:"))
                    .anyMatch(c -> !c.contains("/seat:"));
        }
    }

    /**
     * A table whose partition carries nothing after two players sat: no watermark moves, yet the
     * job deals by itself and times the first turn out, through the ticks it sends itself.
     */
    @Test
    void aQuietTableDealsAndTimesOutByItselfThroughItsOwnTicks() throws Exception {
        Path secret = dir.resolve("dealer-secret");
        Files.writeString(secret, "a dealer's secret for this test");
        try (JobHarness h = new JobHarness(kafka, "quiet", 1);
                LocalJob job = h.start(dir.resolve("quiet"), "--entities", "table",
                        "--dealer-secret-file", secret.toString());
                TopicReader changes = h.reader(Topic.STATE_CHANGELOG)) {
            Instant now = Instant.now();
            h.send(Topic.TABLE_EVENTS, new TableOpen("q:open", "q1", now, new TableConfig(2, 10, 100, 3, 1_000, 1, null, null)));
            h.send(Topic.TABLE_EVENTS, new PlayerSit("q:s1", "q1", now, "ann", 1, 500));
            h.send(Topic.TABLE_EVENTS, new PlayerSit("q:s2", "q1", now, "bob", 2, 500));
            h.flush();

            List<ConsumerRecord<String, String>> log = new ArrayList<>();
            ConsumerRecord<String, String> timeout = Await.value("the first turn's time-out", Duration.ofSeconds(60), () -> {
                log.addAll(changes.read());
                return log.stream().filter(r -> r.value().contains("\"turn.timeout\"")).findFirst().orElse(null);
            });
            ChangeLogEntry deal = log.stream().map(r -> Json.read(r.value(), ChangeLogEntry.class))
                    .filter(e -> e.eventType().equals("hand.start")).findFirst().orElseThrow();
            ChangeLogEntry timedOut = Json.read(timeout.value(), ChangeLogEntry.class);
            assertThat(deal.eventId()).isEqualTo("q1:hand:1");
            assertThat(deal.eventTime()).isEqualTo(now.plus(Dealer.PAUSE));
            assertThat(timedOut.eventTime()).isEqualTo(deal.eventTime().plusSeconds(1));
            long lateMillis = timeout.timestamp() - timedOut.eventTime().toEpochMilli();
            System.out.printf("a quiet table's time-out was written %d ms after its deadline%n", lateMillis);
            assertThat(lateMillis).as("the tick's round trip, not a watermark that never comes").isLessThan(10_000);
        }
    }
}
