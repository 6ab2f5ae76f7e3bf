package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.json.Json;
import dev.scoreline.table.Dealer;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableClose;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.table.event.TurnTimeout;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Teen Patti rules in the keyed function: a turn that nobody takes times out when the
 * watermark passes its deadline, as an event of its own, or when the tick the job sends itself at
 * the deadline comes back; a closed table is removed with its timers.
 */
class TableStateFunctionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T18:00:00Z");
    private static final StateTuning TUNING = new StateTuning(Duration.ofMillis(100), 50,
            SnapshotPolicy.DEFAULT, Duration.ofHours(1), Duration.ofHours(2), Duration.ofMinutes(5), 1024);

    private KeyedOneInputStreamOperatorTestHarness<String, Sourced<TableEvent>, Outgoing> harness;

    @BeforeEach
    void start() throws Exception {
        startWith(null);
    }

    private void startWith(Dealer dealer) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new EntityStateOperator<>(new EntityStateFunction<>(
                        EntityKinds.table(Topic.TABLE_EVENTS.defaultName(), dealer), OutputTopics.defaults(), TUNING)),
                in -> in.event().entityId(), Types.STRING);
        harness.open();
        harness.setProcessingTime(0);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private void send(TableEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(new Sourced<>(event, "table-events", 0, 0), event.eventTime().toEpochMilli()));
    }

    private List<ChangeLogEntry> changeLog() {
        return harness.extractOutputValues().stream()
                .filter(o -> o.topic().equals(OutputTopics.defaults().changeLog()))
                .map(o -> Json.read(o.value(), ChangeLogEntry.class))
                .toList();
    }

    private void openTableAndDeal() throws Exception {
        send(new TableOpen("o", "t9", T0, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s1", "t9", T0.plusSeconds(1), "ann", 1, 500));
        send(new PlayerSit("s2", "t9", T0.plusSeconds(2), "bob", 2, 500));
        send(new PlayerSit("s3", "t9", T0.plusSeconds(3), "cat", 3, 500));
        send(new HandStart("h1", "t9", T0.plusSeconds(10), 42));
    }

    @Test
    void anUntakenTurnTimesOutWhenTheWatermarkPassesItsDeadline() throws Exception {
        openTableAndDeal();
        assertThat(harness.numEventTimeTimers()).as("the first turn's deadline").isEqualTo(1);

        harness.processWatermark(T0.plusSeconds(29).toEpochMilli());
        assertThat(changeLog()).extracting(ChangeLogEntry::eventType).doesNotContain("turn.timeout");

        harness.processWatermark(T0.plusSeconds(30).toEpochMilli());
        List<ChangeLogEntry> log = changeLog();
        assertThat(log).extracting(ChangeLogEntry::eventType).containsOnlyOnce("turn.timeout");
        ChangeLogEntry timeout = log.get(log.size() - 1);
        assertThat(timeout.eventType()).isEqualTo("turn.timeout");
        assertThat(timeout.eventTime()).isEqualTo(T0.plusSeconds(30));
        assertThat(timeout.version()).isEqualTo(6);
        assertThat(harness.numEventTimeTimers()).as("the next player's deadline").isEqualTo(1);

        harness.processWatermark(T0.plusSeconds(50).toEpochMilli());
        assertThat(changeLog()).filteredOn(e -> e.eventType().equals("turn.timeout")).hasSize(2);
    }

    @Test
    void aLateEventFoldsTheOverdueTimeOutFirstWithTheSameVersions() throws Exception {
        openTableAndDeal();
        send(new TableClose("c", "t9", T0.plusSeconds(31)));

        List<ChangeLogEntry> log = changeLog();
        assertThat(log).extracting(ChangeLogEntry::eventType).contains("turn.timeout");
        assertThat(log.get(5).eventType()).isEqualTo("turn.timeout");
        assertThat(log.get(5).version()).isEqualTo(6);
    }

    @Test
    void theHiddenSeedStaysOutOfTheChangeLogAndTheCardsOutOfPublicDeltas() throws Exception {
        openTableAndDeal();
        harness.setProcessingTime(100);

        ChangeLogEntry deal = changeLog().get(4);
        assertThat(deal.eventType()).isEqualTo("hand.start");
        assertThat(deal.event().has("seed")).isFalse();
        List<Delta> publicDeltas = harness.extractOutputValues().stream()
                .filter(o -> o.topic().equals(OutputTopics.defaults().deltas()) && o.key().equals("table:t9"))
                .map(o -> Json.read(o.value(), Delta.class))
                .toList();
        assertThat(publicDeltas).isNotEmpty()
                .allSatisfy(d -> assertThat(d.patch().findValues("cards")).isEmpty());
    }

    @Test
    void withADealerTheTableDealsWhenTheWatermarkPassesThePauseAfterTheSecondPlayerSat() throws Exception {
        harness.close();
        startWith(new Dealer("s3cret"));
        send(new TableOpen("o", "t9", T0, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s1", "t9", T0.plusSeconds(1), "ann", 1, 500));
        send(new PlayerSit("s2", "t9", T0.plusSeconds(2), "bob", 2, 500));
        assertThat(harness.numEventTimeTimers()).as("the deal").isEqualTo(1);

        harness.processWatermark(T0.plusSeconds(2).plus(Dealer.PAUSE).toEpochMilli() - 1);
        assertThat(changeLog()).extracting(ChangeLogEntry::eventType).doesNotContain("hand.start");
        harness.processWatermark(T0.plusSeconds(2).plus(Dealer.PAUSE).toEpochMilli());

        ChangeLogEntry deal = changeLog().get(3);
        assertThat(deal.eventId()).isEqualTo("t9:hand:1");
        assertThat(deal.eventTime()).isEqualTo(T0.plusSeconds(2).plus(Dealer.PAUSE));
        assertThat(deal.event().has("seed")).isFalse();
        assertThat(harness.numEventTimeTimers()).as("the first turn's deadline").isEqualTo(1);
    }

    @Test
    void aClosedTableIsRemovedWithEveryTimer() throws Exception {
        send(new TableOpen("o", "t9", T0, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s1", "t9", T0.plusSeconds(1), "ann", 1, 500));
        send(new TableClose("c", "t9", T0.plusSeconds(5)));
        harness.setProcessingTime(Duration.ofMinutes(4).toMillis());
        harness.prepareSnapshotPreBarrier(1);
        assertThat(harness.numKeyedStateEntries()).as("written before the checkpoint barrier").isPositive();

        harness.setProcessingTime(Duration.ofMinutes(6).toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    /** The moves written to the table's own input topic: the ticks the job sends itself. */
    private List<TableEvent> ticks() {
        return harness.extractOutputValues().stream()
                .filter(o -> o.topic().equals(Topic.TABLE_EVENTS.defaultName()))
                .map(o -> Json.read(o.value(), TableEvent.class))
                .toList();
    }

    @Test
    void onTheWallClockAQuietTablesDeadlinesGoOutAsTicksThatFoldWhatIsDueWhenTheyComeBack() throws Exception {
        harness.close();
        startWith(new Dealer("s3cret"));
        Instant now = Instant.ofEpochMilli(1_000_000);
        harness.setProcessingTime(now.toEpochMilli());
        send(new TableOpen("o", "t9", now, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s1", "t9", now, "ann", 1, 500));
        send(new PlayerSit("s2", "t9", now, "bob", 2, 500));
        Instant deal = now.plus(Dealer.PAUSE);

        harness.setProcessingTime(deal.toEpochMilli() + EntityStateFunction.TICK_GRACE.toMillis() - 1);
        assertThat(ticks()).as("nothing before the deadline and its grace").isEmpty();
        harness.setProcessingTime(deal.toEpochMilli() + EntityStateFunction.TICK_GRACE.toMillis());
        assertThat(ticks()).hasSize(1);
        HandStart tick = (HandStart) ticks().get(0);
        assertThat(tick.eventId()).isEqualTo("t9:hand:1");
        assertThat(tick.eventTime()).isEqualTo(deal);
        assertThat(tick.seed()).as("the seed stays in the job").isZero();
        assertThat(changeLog()).extracting(ChangeLogEntry::eventType).doesNotContain("hand.start");

        send(tick);
        ChangeLogEntry dealt = changeLog().get(3);
        assertThat(dealt.eventId()).isEqualTo("t9:hand:1");
        assertThat(dealt.revealed()).as("hidden until the hand ends").isNull();
        assertThat(changeLog()).hasSize(4);

        Instant turnOut = deal.plusSeconds(20);
        harness.setProcessingTime(turnOut.toEpochMilli() + EntityStateFunction.TICK_GRACE.toMillis());
        TableEvent timeout = ticks().get(1);
        assertThat(timeout.type()).isEqualTo("turn.timeout");
        assertThat(timeout.eventTime()).isEqualTo(turnOut);
        send(timeout);
        send(timeout);
        assertThat(changeLog()).extracting(ChangeLogEntry::eventType).containsOnlyOnce("turn.timeout");
        assertThat(harness.extractOutputValues()).noneMatch(o -> o.topic().equals(OutputTopics.defaults().deadLetters()));
    }

    @Test
    void aTickThatComesAfterTheTurnWasTakenChangesNothingAndATickSentEarlyTimesNobodyOut() throws Exception {
        Instant now = Instant.ofEpochMilli(1_000_000);
        harness.setProcessingTime(now.toEpochMilli());
        send(new TableOpen("o", "t9", now, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s1", "t9", now, "ann", 1, 500));
        send(new PlayerSit("s2", "t9", now, "bob", 2, 500));
        send(new HandStart("h1", "t9", now, 42));
        int before = changeLog().size();

        // seat 1 deals, so bob (seat 2) is the first awaited, until now + 20 s
        send(new TurnTimeout("t9:timeout:1:1", "t9", now.plusSeconds(5), "bob", 1, 1));
        assertThat(changeLog()).as("a time-out before its deadline is no fact").hasSize(before);

        send(new Pack("p", "t9", now.plusSeconds(6), "bob"));
        send(new TurnTimeout("t9:timeout:1:1", "t9", now.plusSeconds(20), "bob", 1, 1));
        assertThat(changeLog()).extracting(ChangeLogEntry::eventType).doesNotContain("turn.timeout");
        assertThat(harness.extractOutputValues()).noneMatch(o -> o.topic().equals(OutputTopics.defaults().deadLetters()));
    }

    @Test
    void aDeadlineThatPassedWhileTheJobWasDownGetsItsTickAtOnceButAnHourOldOneDoesNot() throws Exception {
        harness.close();
        startWith(new Dealer("s3cret"));
        long now = 10_000_000;
        harness.setProcessingTime(now);
        Instant replayed = Instant.ofEpochMilli(now).minusSeconds(10);
        send(new TableOpen("o", "t9", replayed, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s1", "t9", replayed, "ann", 1, 500));
        send(new PlayerSit("s2", "t9", replayed, "bob", 2, 500));
        Instant old = Instant.ofEpochMilli(now).minus(EntityStateFunction.LIVE_HORIZON).minusSeconds(60);
        send(new TableOpen("o8", "t8", old, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit("s81", "t8", old, "cat", 1, 500));
        send(new PlayerSit("s82", "t8", old, "dan", 2, 500));

        harness.setProcessingTime(now + 1);
        assertThat(ticks()).extracting(TableEvent::eventId).containsExactly("t9:hand:1");
        harness.setProcessingTime(now + 60_000);
        assertThat(ticks()).as("one tick for one deadline, however long it takes to come back").hasSize(1);
    }
}
