package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.table.sim.TableSimulator;
import dev.scoreline.testkit.Feeds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State an earlier release of the job wrote restores in this one: a savepoint (canonical format,
 * RocksDB) of the keyed state operator, written by the code of {@link #RELEASE} half-way through the
 * recorded matches and through simulated tables, is restored here, the rest of the events follow,
 * and every output record from there on is the one an uninterrupted run of this code writes (the
 * epoch aside: the fixture's is the earlier job's). The fixtures are Flink's own pattern for
 * migration tests ({@link OperatorSnapshotUtil}); {@code -Dscoreline.fixtures.write=true} writes
 * them anew with the code checked out, to be kept when a release changes the state's form.
 */
class StateUpgradeTest {

    /** The commit whose code wrote the fixtures. */
    static final String RELEASE = "b5baaa7";

    private static final Path FIXTURES = Path.of("src/test/resources/state-upgrade");
    private static final OutputTopics TOPICS =
            new OutputTopics("deltas", "snapshots", "changelog", "dead", "verdicts", "ticker", "table", "wallet", "match",
            "private-deltas", "private-snapshots");
    private static final long STEP_MILLIS = 1_000;
    private static final long START = 1_000_000;
    /** Named, not listed from the folder: the digests are of exactly these, in this order. */
    private static final List<String> RECORDED =
            List.of("1082591", "1082625", "1136564", "1178424", "1181766", "1181768", "1426312", "335988");

    @ParameterizedTest
    @ValueSource(strings = {"match", "table"})
    void stateWrittenByTheEarlierReleaseRestoresAndGoesOnAsIfNeverStopped(String kind) throws Exception {
        List<EntityEvent> events = events(kind);
        int half = events.size() / 2;
        // after the savepoint only the first entity's events come: any other waits on the timers
        // it had then (a turn's time-out, a snapshot, its clean-up), which must have survived
        String first = events.get(0).entityId();
        List<EntityEvent> rest = events.subList(half, events.size()).stream()
                .filter(event -> event.entityId().equals(first)).toList();

        List<String> straight;
        try (Run run = new Run(kind, null, START)) {
            run.send(events, 0, half);
            run.outputs.clear();
            run.send(rest, 0, rest.size());
            run.idle();
            straight = run.withoutEpochs();
        }

        List<String> restored;
        List<String> epochs;
        OperatorSubtaskState saved = OperatorSnapshotUtil.readStateHandle(fixture(kind).toString());
        // the clock goes on from where the earlier job stopped: snapshots fall due by it
        try (Run run = new Run(kind, saved, START + (half - 1) * STEP_MILLIS)) {
            // the last event before the savepoint again: a redelivery, de-duplicated by the restored ids
            run.send(events, half - 1, half);
            assertThat(run.outputs).as("a redelivered event is a duplicate after the restore").isEmpty();
            run.send(rest, 0, rest.size());
            run.idle();
            restored = run.withoutEpochs();
            epochs = run.epochs();
        }

        assertThat(restored).as("outputs after the restore").isNotEmpty();
        assertThat(restored).hasSameSizeAs(straight);
        for (int i = 0; i < straight.size(); i++) {
            assertThat(restored.get(i)).as("output %d of %d", i, straight.size()).isEqualTo(straight.get(i));
        }
        assertThat(epochs).as("the entities keep the epochs the earlier job gave them").isNotEmpty()
                .allSatisfy(epoch -> assertThat(epoch).isNotBlank());
        if (kind.equals("table")) {
            assertThat(restored).as("a table without events after the restore acted on its timers")
                    .anyMatch(out -> out.startsWith("changelog ") && !out.contains(first));
        }
    }

    /**
     * The engine's outputs did not change: every output record (deltas, snapshots, change log,
     * messages, dead letters; the epoch aside) of the whole recorded match and simulated tables,
     * at the same publication points, is the one {@link #RELEASE}'s code wrote, compared by its
     * SHA-256 (its first 64 bits, kept with the fixtures).
     */
    @ParameterizedTest
    @ValueSource(strings = {"match", "table"})
    void theSameEventsGiveEveryOutputTheEarlierReleaseGave(String kind) throws Exception {
        List<EntityEvent> events = events(kind);
        List<String> outputs;
        try (Run run = new Run(kind, null, START)) {
            run.send(events, 0, events.size());
            run.idle();
            outputs = run.withoutEpochs();
        }
        List<String> earlier = Files.readAllLines(digests(kind));
        assertThat(outputs).hasSize(earlier.size());
        for (int i = 0; i < earlier.size(); i++) {
            assertThat(sha256(outputs.get(i))).as("output %d of %d: %s", i, earlier.size(), outputs.get(i))
                    .isEqualTo(earlier.get(i));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "scoreline.fixtures.write", matches = "true")
    void writeFixtures() throws Exception {
        Files.createDirectories(FIXTURES);
        for (String kind : List.of("match", "table")) {
            List<EntityEvent> events = events(kind);
            try (Run run = new Run(kind, null, START)) {
                run.send(events, 0, events.size());
                run.idle();
                Files.write(digests(kind), run.withoutEpochs().stream().map(StateUpgradeTest::sha256).toList());
            }
            try (Run run = new Run(kind, null, START)) {
                run.send(events, 0, events.size() / 2);
                run.harness.prepareSnapshotPreBarrier(1);
                OperatorSubtaskState state = run.harness.snapshotWithLocalState(1, run.now,
                        SavepointType.savepoint(SavepointFormatType.CANONICAL)).getJobManagerOwnedState();
                OperatorSnapshotUtil.writeStateHandle(state, fixture(kind).toString());
            }
        }
    }

    private static Path digests(String kind) {
        return FIXTURES.resolve(kind + "-outputs-" + RELEASE + ".sha256");
    }

    private static String sha256(String text) {
        try {
            // 64 bits of it: enough to tell records apart, and the fixture stays small
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path fixture(String kind) {
        return FIXTURES.resolve(kind + "-state-" + RELEASE + ".snapshot");
    }

    /** Every recorded match, interleaved ball by ball, or three simulated tables' hands. */
    private static List<EntityEvent> events(String kind) {
        List<EntityEvent> events = new ArrayList<>();
        if (kind.equals("match")) {
            events.addAll(Feeds.interleave(CricsheetRecords.matches(RECORDED.toArray(String[]::new)).values()
                    .stream().<List<EntityEvent>>map(List::copyOf).toList()));
        } else {
            events.addAll(TableSimulator.play(7, TableSimulator.Settings.finite(3, 8,
                    Instant.parse("2026-01-01T12:00:00Z"))));
        }
        return events;
    }

    /** The kind's keyed state operator in Flink's harness, on RocksDB, one processing-time step per event. */
    private static final class Run implements AutoCloseable {
        final KeyedOneInputStreamOperatorTestHarness<String, Sourced<EntityEvent>, Outgoing> harness;
        final List<Outgoing> outputs = new ArrayList<>();
        long now;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Run(String kind, OperatorSubtaskState restoreFrom, long startMillis) throws Exception {
            now = startMillis;
            EntityKind entityKind = kind.equals("match") ? EntityKinds.match("match-events")
                    : EntityKinds.table("table-events", null);
            EntityStateFunction<?, EntityEvent> function =
                    new EntityStateFunction<>(entityKind, TOPICS, JobHarness.parse().tuning());
            KeySelector<Sourced<EntityEvent>, String> byEntity = in -> in.event().entityId();
            harness = new KeyedOneInputStreamOperatorTestHarness<>(new EntityStateOperator<>((EntityStateFunction) function),
                    byEntity, Types.STRING);
            harness.setStateBackend(new EmbeddedRocksDBStateBackend());
            if (restoreFrom != null) {
                harness.initializeState(restoreFrom);
            }
            harness.open();
            harness.setProcessingTime(now);
        }

        /** A day of event time and two of processing time go by without events: every timer fires. */
        void idle() throws Exception {
            harness.processWatermark(Long.MAX_VALUE / 2);
            now += 2 * 86_400_000L;
            harness.setProcessingTime(now);
            drain();
        }

        void send(List<EntityEvent> events, int from, int to) throws Exception {
            for (int i = from; i < to; i++) {
                EntityEvent event = events.get(i);
                harness.processElement(new StreamRecord<>(new Sourced<>(event, "input", 0, i),
                        event.eventTime().toEpochMilli()));
                harness.processWatermark(event.eventTime().toEpochMilli());
                now += STEP_MILLIS;
                harness.setProcessingTime(now);
                drain();
            }
        }

        private void drain() {
            Object out;
            while ((out = harness.getOutput().poll()) != null) {
                if (out instanceof StreamRecord<?> record) {
                    outputs.add((Outgoing) record.getValue());
                }
            }
        }

        /**
         * Every output as topic and JSON, the epochs left out (the fixture's are another job's), and
         * those of a match's markets channel too: the release that wrote the fixtures had none, and
         * wrote private channels to the public topics.
         */
        List<String> withoutEpochs() {
            return outputs.stream().filter(out -> !out.key().endsWith("/" + Channel.MARKETS))
                    .map(out -> out.topic().replace("private-", "") + " " + out.key() + " "
                    + new String(out.value(), StandardCharsets.UTF_8).replaceAll("\"epoch\":\"[^\"]*\",?", "")).toList();
        }

        List<String> epochs() {
            return outputs.stream().filter(out -> out.topic().equals("deltas"))
                    .map(out -> Json.read(out.value(), Delta.class).epoch()).distinct().toList();
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }
}
