package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.entity.Tally;
import dev.scoreline.json.Json;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keyed function in Flink's operator harness: real keyed state, real timers, snapshots and restores. */
class EntityStateFunctionTest {

    private static final OutputTopics TOPICS = new OutputTopics("deltas", "snapshots", "changelog", "dead", "verdicts", "ticker", "table", "wallet", "match",
            "private-deltas", "private-snapshots");
    private static final StateTuning TUNING = new StateTuning(Duration.ofMillis(100), 3,
            new SnapshotPolicy(100, Duration.ofHours(1)), Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(1), 1024);

    private KeyedOneInputStreamOperatorTestHarness<String, Sourced<Tally.Event>, Outgoing> harness;

    @BeforeEach
    void start() throws Exception {
        harness = newHarness(null, TUNING);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Sourced<Tally.Event>, Outgoing> newHarness(
            OperatorSubtaskState restoreFrom, StateTuning tuning) throws Exception {
        EntityStateFunction<Tally.State, Tally.Event> function = new EntityStateFunction<>(
                new EntityKind<>("tally", "tally-events", "tally-event", Tally.Event.class, Tally.State.class, Tally::new),
                TOPICS, tuning);
        KeyedOneInputStreamOperatorTestHarness<String, Sourced<Tally.Event>, Outgoing> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new EntityStateOperator<>(function), in -> in.event().entityId(), Types.STRING);
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    private void send(Tally.Event event) throws Exception {
        harness.processElement(new StreamRecord<>(new Sourced<>(event, "tally-events", 0, 7), event.eventTime().toEpochMilli()));
    }

    /** What went to {@code topic} and to its private twin. */
    private <T> List<T> emitted(String topic, Class<T> type) {
        return harness.extractOutputValues().stream()
                .filter(o -> o.topic().equals(topic) || o.topic().equals("private-" + topic))
                .map(o -> Json.read(o.value(), type))
                .toList();
    }

    @Test
    void aQuietEntityPublishesAtOnceAndWhatFollowsGathersForTheInterval() throws Exception {
        harness.setProcessingTime(1_000);
        send(Tally.Event.add("e1", "t1", 7, "ann", 1));

        assertThat(emitted("deltas", Delta.class)).as("the first change goes out at once")
                .extracting(Delta::channel, Delta::from, Delta::to)
                .containsExactlyInAnyOrder(tuple("table:t1", 1L, 1L), tuple("table:t1/seat:ann", 1L, 1L));
        assertThat(emitted("snapshots", Snapshot.class)).as("first publication snapshots every channel").hasSize(2);
        assertThat(harness.extractOutputValues()).as("a seat goes to the private topics, to its player's partition")
                .filteredOn(o -> !o.topic().equals("changelog"))
                .extracting(Outgoing::topic, Outgoing::key, Outgoing::player)
                .containsExactlyInAnyOrder(tuple("deltas", "table:t1", null), tuple("snapshots", "table:t1", null),
                        tuple("private-deltas", "table:t1/seat:ann", "ann"),
                        tuple("private-snapshots", "table:t1/seat:ann", "ann"));

        harness.setProcessingTime(1_040);
        send(Tally.Event.add("e2", "t1", 8, "ann", 2));
        send(Tally.Event.add("e3", "t1", 9, "bob", 1));

        assertThat(emitted("changelog", ChangeLogEntry.class)).extracting(ChangeLogEntry::version)
                .containsExactly(1L, 2L, 3L);
        assertThat(harness.extractOutputValues()).extracting(Outgoing::timestamp)
                .as("Kafka timestamps are processing time: retention goes by them").containsOnly(1_000L, 1_040L);
        harness.setProcessingTime(1_099);
        assertThat(emitted("deltas", Delta.class)).as("nothing more within the interval").hasSize(2);

        harness.setProcessingTime(1_100);

        List<Delta> gathered = emitted("deltas", Delta.class).subList(2, emitted("deltas", Delta.class).size());
        assertThat(gathered).extracting(Delta::channel, Delta::from, Delta::to).containsExactlyInAnyOrder(
                tuple("table:t1", 2L, 3L), tuple("table:t1/seat:ann", 2L, 3L), tuple("table:t1/seat:bob", 1L, 3L));
        assertThat(harness.numProcessingTimeTimers()).as("only the clean-up and catch-up snapshot timers are left")
                .isEqualTo(2);
    }

    @Test
    void reachingTheMaximumBatchFlushesAtOnce() throws Exception {
        harness.setProcessingTime(1_000);
        send(Tally.Event.add("e1", "t1", 1, "ann", 1));
        send(Tally.Event.add("e2", "t1", 2, "ann", 1));
        send(Tally.Event.add("e3", "t1", 3, "ann", 1));
        send(Tally.Event.add("e4", "t1", 4, "ann", 1));

        assertThat(emitted("deltas", Delta.class)).extracting(Delta::to).containsOnly(1L, 4L);
        assertThat(harness.numProcessingTimeTimers())
                .as("the batch timer was deleted: the clean-up and the catch-up snapshot timers are left").isEqualTo(2);
    }

    @Test
    void aRedeliveredEventIsIgnored() throws Exception {
        send(Tally.Event.add("e1", "t1", 1, "ann", 1));
        send(Tally.Event.add("e1", "t1", 1, "ann", 1));
        send(Tally.Event.add("e2", "t1", 2, "ann", 1));

        assertThat(emitted("changelog", ChangeLogEntry.class)).extracting(ChangeLogEntry::eventId)
                .containsExactly("e1", "e2");
    }

    @Test
    void rejectedEventsBecomeDeadLettersWithTheirSourceAndReason() throws Exception {
        send(Tally.Event.add("e1", "t1", 1, "ann", -1));
        send(Tally.Event.add("e2", "t1", 2, "ann", 1));
        send(Tally.Event.leave("e3", "t1", 3, "zed"));

        List<DeadLetter> letters = emitted("dead", DeadLetter.class);
        assertThat(letters).extracting(DeadLetter::reason).containsExactly(DeadLetter.UNKNOWN_ENTITY, DeadLetter.REJECTED);
        assertThat(letters.get(1).message()).isEqualTo("no player zed");
        assertThat(letters.get(1).sourceTopic()).isEqualTo("tally-events");
        assertThat(letters.get(1).offset()).isEqualTo(7);
        assertThat(Json.tree(letters.get(1).value()).get("eventId").asText()).isEqualTo("e3");
        assertThat(emitted("changelog", ChangeLogEntry.class)).extracting(ChangeLogEntry::version).containsExactly(1L);
    }

    @Test
    void aDeadlineFiresWhenTheWatermarkPassesIt() throws Exception {
        send(Tally.Event.add("e1", "t1", 10, "ann", 1));
        send(Tally.Event.arm("e2", "t1", 10, 5));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(14_999);
        assertThat(emitted("changelog", ChangeLogEntry.class)).hasSize(2);

        harness.processWatermark(15_000);
        List<ChangeLogEntry> log = emitted("changelog", ChangeLogEntry.class);
        assertThat(log).hasSize(3);
        assertThat(log.get(2).eventType()).isEqualTo("bonus");
        assertThat(log.get(2).eventTime().toEpochMilli()).isEqualTo(15_000);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aDeadlineTheRulesCannotFoldNeitherFailsTheJobNorFiresAgainAndAgain() throws Exception {
        send(Tally.Event.add("e1", "t1", 10, "jammed", 1));
        send(Tally.Event.arm("e2", "t1", 10, 5));

        harness.processWatermark(15_000);
        harness.processWatermark(16_000);

        assertThat(harness.numEventTimeTimers()).isZero();
        send(Tally.Event.add("e3", "t1", 20, "ann", 1));
        assertThat(emitted("changelog", ChangeLogEntry.class)).extracting(ChangeLogEntry::eventId)
                .containsExactly("e1", "e2", "e3");
    }

    @Test
    void anIdleEntityIsRemovedWithEveryTimerAndStateEntry() throws Exception {
        harness.setProcessingTime(0);
        send(Tally.Event.add("e1", "t1", 1, "ann", 1));
        send(Tally.Event.arm("e2", "t1", 1, 3600));
        harness.setProcessingTime(200);
        harness.prepareSnapshotPreBarrier(1);
        assertThat(harness.numKeyedStateEntries()).as("written before the checkpoint barrier").isPositive();

        harness.setProcessingTime(Duration.ofMinutes(10).toMillis() + 1_000);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void activityPostponesTheCleanUp() throws Exception {
        harness.setProcessingTime(0);
        send(Tally.Event.add("e1", "t1", 1, "ann", 1));
        harness.setProcessingTime(Duration.ofMinutes(9).toMillis());
        send(Tally.Event.add("e2", "t1", 2, "ann", 1));

        harness.setProcessingTime(Duration.ofMinutes(11).toMillis());

        harness.prepareSnapshotPreBarrier(1);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        assertThat(harness.numProcessingTimeTimers())
                .as("the postponed clean-up, and the snapshot that catches up with e2's delta within the hour")
                .isEqualTo(2);
    }

    @Test
    void aRestoredFunctionContinuesTheVersionsAndRemembersSeenEvents() throws Exception {
        harness.setProcessingTime(0);
        send(Tally.Event.add("e1", "t1", 1, "ann", 1));
        send(Tally.Event.add("e2", "t1", 2, "bob", 1));
        harness.setProcessingTime(100);
        String epoch = emitted("deltas", Delta.class).get(0).epoch();
        assertThat(harness.numKeyedStateEntries()).as("kept in memory between checkpoints").isZero();
        harness.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 100);
        harness.close();

        harness = newHarness(snapshot, TUNING);
        harness.setProcessingTime(200);
        send(Tally.Event.add("e2", "t1", 2, "bob", 1));
        send(Tally.Event.add("e3", "t1", 3, "bob", 1));
        harness.setProcessingTime(300);

        assertThat(emitted("changelog", ChangeLogEntry.class)).extracting(ChangeLogEntry::eventId).containsExactly("e3");
        List<Delta> deltas = emitted("deltas", Delta.class);
        assertThat(deltas).extracting(Delta::channel).containsExactlyInAnyOrder("table:t1", "table:t1/seat:bob");
        assertThat(deltas).allSatisfy(d -> {
            assertThat(d.epoch()).isEqualTo(epoch);
            assertThat(d.from()).isEqualTo(3);
            assertThat(d.to()).isEqualTo(3);
        });
    }

    @Test
    void anEntityLetGoFromMemoryIsWrittenFirstAndReadBackWhole() throws Exception {
        StateTuning twoInMemory = new StateTuning(Duration.ofMillis(100), 3, new SnapshotPolicy(100, Duration.ofHours(1)),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(1), 2);
        harness.close();
        harness = newHarness(null, twoInMemory);
        harness.setProcessingTime(0);
        send(Tally.Event.add("a1", "t1", 1, "ann", 1));
        send(Tally.Event.add("b1", "t2", 1, "ann", 1));
        assertThat(harness.numKeyedStateEntries()).as("both held in memory").isZero();

        send(Tally.Event.add("c1", "t3", 1, "ann", 1));
        assertThat(harness.numKeyedStateEntries()).as("t1, let go, was written").isPositive();

        send(Tally.Event.add("a1", "t1", 1, "ann", 1));
        send(Tally.Event.add("a2", "t1", 2, "ann", 1));
        harness.setProcessingTime(100);

        assertThat(emitted("changelog", ChangeLogEntry.class))
                .as("t1 read back with its seen event ids and its version")
                .filteredOn(e -> e.entityId().equals("t1"))
                .extracting(ChangeLogEntry::eventId, ChangeLogEntry::version)
                .containsExactly(tuple("a1", 1L), tuple("a2", 2L));
        assertThat(emitted("deltas", Delta.class)).filteredOn(d -> d.channel().equals("table:t1"))
                .extracting(Delta::from, Delta::to).containsExactly(tuple(1L, 1L), tuple(2L, 2L));
    }
}
