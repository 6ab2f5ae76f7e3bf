package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.Message;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchState;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.TickerLine;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.ticker.event.MatchLine;
import dev.scoreline.ticker.event.TickerEvent;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * A match's events send the ticker its lines through Kafka: the engine carries them in its step,
 * the keyed function writes them to the ticker's topic, and a replay after a restore sends the
 * very same ones, which the ticker's own keyed function then ignores by their ids.
 */
class TickerMessagesTest {

    private static final String MATCH = "1082591";
    private static final OutputTopics TOPICS = new OutputTopics("deltas", "snapshots", "changelog", "dead", "verdicts", "ticker", "table", "wallet", "match",
            "private-deltas", "private-snapshots");
    private static final StateTuning TUNING = new StateTuning(Duration.ofMillis(100), 50,
            SnapshotPolicy.DEFAULT, Duration.ofHours(1), Duration.ofHours(2), Duration.ofMinutes(5), 1024);

    @Test
    void eachLineTheEngineSendsIsNamedByTheMatchAndItsVersionAndAReplayedEventSendsTheSameOne() {
        EntityEngine<MatchState, MatchEvent> engine = new EntityEngine<>(new Scorer(), SnapshotPolicy.DEFAULT);
        List<MatchEvent> history = new ArrayList<>();
        EntityRecord<MatchState> record = null;
        int sent = 0;
        for (MatchEvent event : CricsheetRecords.events(MATCH)) {
            EntityRecord<MatchState> before = record;
            EntityEngine.Step<MatchState, MatchEvent> step = engine.apply(before, null, event, () -> List.copyOf(history), "e");
            long version = step.record().version();

            for (Message message : step.messages()) {
                assertThat(message.topic()).isEqualTo(Topic.TICKER_EVENTS);
                assertThat(message.key()).isEqualTo(Channel.SCORES);
                MatchLine line = (MatchLine) message.event();
                assertThat(line.eventId()).isEqualTo(MATCH + "@" + version);
                assertThat(line.matchVersion()).isEqualTo(version);
                assertThat(line.eventTime()).isEqualTo(event.eventTime());
                assertThat(line.line()).isEqualTo(TickerLine.of(step.record().state()));
            }
            assertThat(engine.apply(before, null, event, () -> List.copyOf(history), "e").messages())
                    .as("the same event on the same record, as a replay after a restore folds it")
                    .isEqualTo(step.messages());
            sent += step.messages().size();
            history.addAll(step.accepted());
            record = step.record();
        }
        assertThat(sent).isGreaterThan(200);
    }

    @Test
    void aMatchReplayedAfterARestoreWritesTheSameLinesAndTheTickerTakesEachOnce() throws Exception {
        List<MatchEvent> events = CricsheetRecords.events(MATCH).subList(0, 60);
        KeyedOneInputStreamOperatorTestHarness<String, Sourced<MatchEvent>, Outgoing> match = matchHarness(null);
        match.setProcessingTime(0);
        for (MatchEvent event : events.subList(0, 30)) {
            match.processElement(new StreamRecord<>(new Sourced<>(event, "m", 0, 0), event.eventTime().toEpochMilli()));
        }
        match.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState checkpoint = match.snapshot(1, 1);
        List<Outgoing> beforeCheckpoint = lines(match);
        for (MatchEvent event : events.subList(30, 60)) {
            match.processElement(new StreamRecord<>(new Sourced<>(event, "m", 0, 0), event.eventTime().toEpochMilli()));
        }
        List<Outgoing> firstRun = lines(match);
        match.close();

        KeyedOneInputStreamOperatorTestHarness<String, Sourced<MatchEvent>, Outgoing> restored = matchHarness(checkpoint);
        restored.setProcessingTime(0);
        for (MatchEvent event : events.subList(30, 60)) {
            restored.processElement(new StreamRecord<>(new Sourced<>(event, "m", 0, 0), event.eventTime().toEpochMilli()));
        }
        List<Outgoing> replayed = lines(restored);
        restored.close();

        List<TickerEvent> afterCheckpoint = decode(firstRun.subList(beforeCheckpoint.size(), firstRun.size()));
        assertThat(afterCheckpoint).isNotEmpty();
        assertThat(decode(replayed)).as("the replay's lines").isEqualTo(afterCheckpoint);
        assertThat(firstRun).allSatisfy(out -> {
            assertThat(out.topic()).isEqualTo("ticker");
            assertThat(out.key()).isEqualTo(Channel.SCORES);
        });

        KeyedOneInputStreamOperatorTestHarness<String, Sourced<TickerEvent>, Outgoing> ticker =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new EntityStateOperator<>(new EntityStateFunction<>(
                                EntityKinds.ticker(Topic.TICKER_EVENTS.defaultName()), TOPICS, TUNING)),
                        in -> in.event().entityId(), Types.STRING);
        ticker.open();
        ticker.setProcessingTime(0);
        List<TickerEvent> delivered = new ArrayList<>(decode(firstRun));
        delivered.addAll(decode(replayed));
        for (TickerEvent line : delivered) {
            ticker.processElement(new StreamRecord<>(new Sourced<>(line, "ticker", 0, 0), line.eventTime().toEpochMilli()));
        }
        List<ChangeLogEntry> log = ticker.extractOutputValues().stream()
                .filter(o -> o.topic().equals("changelog"))
                .map(o -> Json.read(o.value(), ChangeLogEntry.class))
                .toList();
        ticker.close();

        assertThat(log).extracting(ChangeLogEntry::eventId)
                .as("every line once, the replayed ones ignored")
                .containsExactlyElementsOf(decode(firstRun).stream().map(TickerEvent::eventId).toList());
        assertThat(log).extracting(ChangeLogEntry::entityId).containsOnly(Channel.SCORES);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Sourced<MatchEvent>, Outgoing> matchHarness(
            OperatorSubtaskState restoreFrom) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Sourced<MatchEvent>, Outgoing> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new EntityStateOperator<>(new EntityStateFunction<>(
                                EntityKinds.match(Topic.MATCH_EVENTS.defaultName()), TOPICS, TUNING)),
                        in -> in.event().entityId(), Types.STRING);
        if (restoreFrom != null) {
            h.initializeState(restoreFrom);
        }
        h.open();
        return h;
    }

    private static List<Outgoing> lines(KeyedOneInputStreamOperatorTestHarness<String, ?, Outgoing> h) {
        return h.extractOutputValues().stream().filter(o -> o.topic().equals("ticker")).toList();
    }

    private static List<TickerEvent> decode(List<Outgoing> records) {
        return records.stream().map(o -> Json.read(o.value(), TickerEvent.class)).toList();
    }
}
