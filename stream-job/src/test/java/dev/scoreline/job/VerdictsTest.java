package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.scoreline.action.Actions;
import dev.scoreline.action.Verdict;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TableOpen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Players' actions in the keyed function: each is answered on the verdicts topic, keyed by the
 * player, accepted with the table's version that includes it or refused with the rules' reason,
 * and a retry of the same action is answered the same way without being applied again.
 */
class VerdictsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T18:00:00Z");
    private static final OutputTopics TOPICS = OutputTopics.defaults();
    private static final StateTuning TUNING = new StateTuning(Duration.ofMillis(100), 50,
            SnapshotPolicy.DEFAULT, Duration.ofHours(1), Duration.ofHours(2), Duration.ofMinutes(5), 1024);

    private KeyedOneInputStreamOperatorTestHarness<String, Sourced<TableEvent>, Outgoing> harness;

    @BeforeEach
    void start() throws Exception {
        harness = newHarness(null);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Sourced<TableEvent>, Outgoing> newHarness(
            OperatorSubtaskState restoreFrom) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Sourced<TableEvent>, Outgoing> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new EntityStateOperator<>(new EntityStateFunction<>(
                                EntityKinds.table("table-events", null), TOPICS, TUNING)),
                        in -> in.event().entityId(), Types.STRING);
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        h.setProcessingTime(1_000);
        return h;
    }

    private void send(TableEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(new Sourced<>(event, "table-events", 0, 0),
                event.eventTime().toEpochMilli()));
    }

    private static String act(String player, String actionId) {
        return Actions.eventId(player, actionId);
    }

    /** A table t9 with ann at seat 1 and bob at seat 2 (both actions), and hand 1 dealt: bob is on turn. */
    private void openAndDeal() throws Exception {
        send(new TableOpen("o", "t9", T0, new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit(act("ann", "sit-1"), "t9", T0.plusSeconds(1), "ann", 1, 500));
        send(new PlayerSit(act("bob", "sit-1"), "t9", T0.plusSeconds(2), "bob", 2, 500));
        send(new HandStart("h1", "t9", T0.plusSeconds(3), 42));
    }

    private List<Outgoing> verdictRecords() {
        return harness.extractOutputValues().stream().filter(o -> o.topic().equals(TOPICS.verdicts())).toList();
    }

    private List<Verdict> verdicts() {
        return verdictRecords().stream().map(o -> Json.read(o.value(), Verdict.class)).toList();
    }

    private List<ChangeLogEntry> changeLog() {
        return harness.extractOutputValues().stream()
                .filter(o -> o.topic().equals(TOPICS.changeLog()))
                .map(o -> Json.read(o.value(), ChangeLogEntry.class))
                .toList();
    }

    private long deadLetters() {
        return harness.extractOutputValues().stream().filter(o -> o.topic().equals(TOPICS.deadLetters())).count();
    }

    @Test
    void anAcceptedActionIsAnsweredToThePlayerWithTheVersionOfItsChangeLogEntry() throws Exception {
        openAndDeal();
        send(new Bet(act("bob", "a-17"), "t9", T0.plusSeconds(4), "bob", 10));

        Verdict verdict = verdicts().get(verdicts().size() - 1);
        ChangeLogEntry entry = changeLog().get(changeLog().size() - 1);
        assertThat(entry.eventId()).isEqualTo("act:bob:a-17");
        assertThat(verdict).isEqualTo(new Verdict("bob", "a-17", "table:t9", "act:bob:a-17", true, entry.version(),
                null, Instant.ofEpochMilli(1_000)));
        assertThat(verdictRecords().get(verdicts().size() - 1).key()).as("keyed by the player").isEqualTo("bob");
        assertThat(verdicts()).extracting(Verdict::actionId).as("one verdict per action, events of the server none")
                .containsExactly("sit-1", "sit-1", "a-17");
        assertThat(verdicts().get(1).version()).as("bob's seat").isEqualTo(3);
    }

    @Test
    void aRefusedActionIsAnsweredWithTheRulesReasonAndIsNoDeadLetter() throws Exception {
        openAndDeal();
        send(new Bet(act("ann", "a-18"), "t9", T0.plusSeconds(4), "ann", 10));

        Verdict verdict = verdicts().get(verdicts().size() - 1);
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.version()).isNull();
        assertThat(verdict.reason()).isEqualTo("it is bob's turn, not ann's");
        assertThat(verdict.channel()).isEqualTo("table:t9");
        assertThat(verdictRecords().get(verdicts().size() - 1).key()).isEqualTo("ann");
        assertThat(deadLetters()).isZero();
        assertThat(changeLog()).extracting(ChangeLogEntry::eventId).doesNotContain("act:ann:a-18");
    }

    @Test
    void anEventThatIsNoActionIsStillADeadLetterWhenRejected() throws Exception {
        openAndDeal();
        send(new Bet("service-bet", "t9", T0.plusSeconds(4), "ann", 10));

        assertThat(deadLetters()).isOne();
        assertThat(verdicts()).extracting(Verdict::actionId).containsExactly("sit-1", "sit-1");
    }

    @Test
    void aRetriedAcceptedActionIsNotAppliedAgainAndGetsTheSameVerdict() throws Exception {
        openAndDeal();
        send(new Bet(act("bob", "a-17"), "t9", T0.plusSeconds(4), "bob", 10));
        harness.setProcessingTime(2_000);
        send(new Bet(act("bob", "a-17"), "t9", T0.plusSeconds(9), "bob", 10));

        assertThat(changeLog()).filteredOn(e -> e.eventId().equals("act:bob:a-17")).hasSize(1);
        List<Verdict> answers = verdicts().stream().filter(v -> v.actionId().equals("a-17")).toList();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1)).usingRecursiveComparison().ignoringFields("decidedAt").isEqualTo(answers.get(0));
        assertThat(answers.get(1).decidedAt()).isEqualTo(Instant.ofEpochMilli(2_000));
    }

    @Test
    void aRetriedRefusedActionIsRefusedAgainForTheSameReasonEvenOnceItWouldBeValid() throws Exception {
        openAndDeal();
        send(new Bet(act("ann", "a-18"), "t9", T0.plusSeconds(4), "ann", 10));
        send(new Bet(act("bob", "a-19"), "t9", T0.plusSeconds(5), "bob", 10));
        send(new Bet(act("ann", "a-18"), "t9", T0.plusSeconds(6), "ann", 10));

        List<Verdict> answers = verdicts().stream().filter(v -> v.actionId().equals("a-18")).toList();
        assertThat(answers).extracting(Verdict::accepted).containsExactly(false, false);
        assertThat(answers).extracting(Verdict::reason).containsOnly("it is bob's turn, not ann's");
        assertThat(changeLog()).extracting(ChangeLogEntry::eventId).doesNotContain("act:ann:a-18");
    }

    @Test
    void refusalsAreRememberedAcrossARestore() throws Exception {
        openAndDeal();
        send(new Bet(act("ann", "a-18"), "t9", T0.plusSeconds(4), "ann", 10));
        send(new Bet(act("bob", "a-19"), "t9", T0.plusSeconds(5), "bob", 10));
        harness.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1_000);
        harness.close();

        harness = newHarness(snapshot);
        send(new Bet(act("ann", "a-18"), "t9", T0.plusSeconds(6), "ann", 10));
        send(new Bet(act("bob", "a-19"), "t9", T0.plusSeconds(6), "bob", 10));

        assertThat(verdicts()).extracting(Verdict::actionId, Verdict::accepted, Verdict::reason).containsExactly(
                tuple("a-18", false, "it is bob's turn, not ann's"),
                tuple("a-19", true, null));
        assertThat(verdicts().get(1).version()).isEqualTo(5);
        assertThat(changeLog()).as("nothing applied again").isEmpty();
    }

    @Test
    void anActionOnATableThatDoesNotExistIsRefusedSayingSo() throws Exception {
        send(new PlayerSit(act("ann", "sit-1"), "demo-9", T0, "ann", 1, 500));
        send(new TableOpen("o", "demo-9", T0.plusSeconds(1), new TableConfig(4, 10, 160, 3, 5_000, 20, null, null)));
        send(new PlayerSit(act("ann", "sit-1"), "demo-9", T0.plusSeconds(2), "ann", 1, 500));

        assertThat(verdicts()).extracting(Verdict::accepted, Verdict::reason, Verdict::channel).containsExactly(
                tuple(false, "table demo-9 does not exist", "table:demo-9"),
                tuple(false, "table demo-9 does not exist", "table:demo-9"));
        assertThat(deadLetters()).isZero();
        assertThat(changeLog()).extracting(ChangeLogEntry::eventType).containsExactly("table.open");
    }

    @Test
    void theDeadLetterReasonsOfOtherEventsAreUnchanged() throws Exception {
        send(new PlayerSit("sit-x", "demo-9", T0, "ann", 1, 500));

        assertThat(harness.extractOutputValues()).filteredOn(o -> o.topic().equals(TOPICS.deadLetters()))
                .singleElement()
                .satisfies(o -> assertThat(Json.read(o.value(), DeadLetter.class).reason())
                        .isEqualTo(DeadLetter.UNKNOWN_ENTITY));
    }
}
