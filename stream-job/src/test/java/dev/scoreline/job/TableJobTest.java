package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.table.TableState;
import dev.scoreline.table.TeenPattiRules;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import dev.scoreline.testkit.TestBroker;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
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
                TopicReader snapshots = h.reader(Topic.STATE_SNAPSHOTS)) {
            events.forEach(e -> h.send(Topic.TABLE_EVENTS, e));
            h.flush();
            Settled.await(versions, "table:", changes, deltas);
            List<ConsumerRecord<String, String>> deltaRecords = deltas.read();
            List<ConsumerRecord<String, String>> snapshotRecords = snapshots.read();

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
}
