package dev.scoreline.job;

import dev.scoreline.action.Verdict;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.WalletEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The wallets, the tables and the matches in the job's own keyed function, one test harness each, joined as
 * Kafka joins them: whatever one writes to the other's input topic is delivered to it, in the
 * order written (one partition per entity keeps that order). A test may deliver any record again,
 * as Kafka redelivers after a failure, and may restart either side from its last snapshot, as a
 * restore does; {@link #quiet} delivers until nothing is in flight and publishes every batch.
 */
final class Economy implements AutoCloseable {

    static final OutputTopics TOPICS = OutputTopics.defaults();
    /**
     * Every {@link #quiet} moves the clock a minute on. A closed table is kept for two hours, the
     * whole of any test: a retry after the job forgot a table is answered as a new action, which is
     * the de-duplication window's limit, not the wallets'. Ids are remembered for one hour, so that
     * copies of messages delivered later than that meet the wallet's own checks.
     */
    static final StateTuning TUNING = new StateTuning(Duration.ofMillis(100), 50, SnapshotPolicy.DEFAULT,
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(2), 1024);

    private KeyedOneInputStreamOperatorTestHarness<String, Sourced<WalletEvent>, Outgoing> wallets;
    private KeyedOneInputStreamOperatorTestHarness<String, Sourced<TableEvent>, Outgoing> tables;
    private KeyedOneInputStreamOperatorTestHarness<String, Sourced<MatchEvent>, Outgoing> matches;
    private final Deque<Outgoing> inFlight = new ArrayDeque<>();
    /** Every record either side wrote, in order, outputs and messages alike. */
    private final List<Outgoing> written = new ArrayList<>();
    /** Every event delivered to the matches, in the order of their input (copies included). */
    private final List<MatchEvent> matchLog = new ArrayList<>();
    private long now = 1_000;

    Economy() throws Exception {
        wallets = harness(EntityKinds.wallet(TOPICS.walletEvents()), null);
        tables = harness(EntityKinds.table(TOPICS.tableEvents(), null), null);
        matches = harness(EntityKinds.match(TOPICS.matchEvents()), null);
    }

    private <S, E extends EntityEvent> KeyedOneInputStreamOperatorTestHarness<String, Sourced<E>, Outgoing> harness(
            EntityKind<S, E> kind, OperatorSubtaskState from) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Sourced<E>, Outgoing> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new EntityStateOperator<>(new EntityStateFunction<>(kind, TOPICS, TUNING)),
                        in -> in.event().entityId(), Types.STRING);
        if (from != null) {
            h.initializeState(from);
        }
        h.open();
        h.setProcessingTime(now);
        return h;
    }

    /** An event from outside (the game's backend, a gateway, the table service), delivered at once. */
    void send(EntityEvent event) throws Exception {
        deliver(event);
    }

    /** Delivers what is in flight until nothing is, then lets every batch and snapshot timer fire. */
    void quiet() throws Exception {
        while (!inFlight.isEmpty()) {
            Outgoing next = inFlight.poll();
            deliver(read(next));
        }
        now += 60_000;
        wallets.setProcessingTime(now);
        tables.setProcessingTime(now);
        matches.setProcessingTime(now);
        collect();
        if (!inFlight.isEmpty()) {
            quiet();
        }
    }

    /** Delivers the {@code index}th message one entity sent another again, as Kafka may. */
    void redeliverMessage(int index) throws Exception {
        List<Outgoing> messages = messages();
        if (messages.isEmpty()) {
            return;
        }
        Outgoing again = messages.get(Math.floorMod(index, messages.size()));
        inFlight.add(again);
    }

    /** The records one entity sent another so far. */
    List<Outgoing> messages() {
        return written.stream().filter(Economy::isMessage).toList();
    }

    private static boolean isMessage(Outgoing o) {
        return o.topic().equals(TOPICS.walletEvents()) || o.topic().equals(TOPICS.tableEvents())
                || o.topic().equals(TOPICS.matchEvents());
    }

    /** A message as its receiver reads it. */
    static EntityEvent read(Outgoing o) {
        if (o.topic().equals(TOPICS.walletEvents())) {
            return Json.read(o.value(), WalletEvent.class);
        }
        return o.topic().equals(TOPICS.tableEvents()) ? Json.read(o.value(), TableEvent.class)
                : Json.read(o.value(), MatchEvent.class);
    }

    /**
     * Both sides fail and restore from a snapshot taken now, with whatever was in flight delivered
     * again: what a checkpoint followed by a crash and a replay of the input does.
     */
    void restart() throws Exception {
        quiet();
        wallets.prepareSnapshotPreBarrier(1);
        tables.prepareSnapshotPreBarrier(1);
        matches.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState walletState = wallets.snapshot(1, now);
        OperatorSubtaskState tableState = tables.snapshot(1, now);
        OperatorSubtaskState matchState = matches.snapshot(1, now);
        collect();
        wallets.close();
        tables.close();
        matches.close();
        wallets = harness(EntityKinds.wallet(TOPICS.walletEvents()), walletState);
        tables = harness(EntityKinds.table(TOPICS.tableEvents(), null), tableState);
        matches = harness(EntityKinds.match(TOPICS.matchEvents()), matchState);
    }

    private void deliver(EntityEvent event) throws Exception {
        if (event instanceof WalletEvent w) {
            wallets.processElement(new StreamRecord<>(new Sourced<>(w, TOPICS.walletEvents(), 0, 0),
                    w.eventTime().toEpochMilli()));
        } else if (event instanceof MatchEvent m) {
            matchLog.add(m);
            matches.processElement(new StreamRecord<>(new Sourced<>(m, TOPICS.matchEvents(), 0, 0),
                    m.eventTime().toEpochMilli()));
        } else {
            tables.processElement(new StreamRecord<>(new Sourced<>((TableEvent) event, TOPICS.tableEvents(), 0, 0),
                    event.eventTime().toEpochMilli()));
        }
        collect();
    }

    private void collect() {
        for (var h : List.of(wallets.getOutput(), tables.getOutput(), matches.getOutput())) {
            Object next;
            while ((next = h.poll()) != null) {
                if (next instanceof StreamRecord<?> r && r.getValue() instanceof Outgoing o) {
                    written.add(o);
                    if (isMessage(o)) {
                        inFlight.add(o);
                    }
                }
            }
        }
    }

    List<Verdict> verdicts() {
        return written.stream().filter(o -> o.topic().equals(TOPICS.verdicts()))
                .map(o -> Json.read(o.value(), Verdict.class)).toList();
    }

    List<MatchEvent> matchLog() {
        return List.copyOf(matchLog);
    }

    /** The change log entries written so far: what each entity accepted, in order. */
    List<ChangeLogEntry> changeLog() {
        return written.stream().filter(o -> o.topic().equals(TOPICS.changeLog()))
                .map(o -> Json.read(o.value(), ChangeLogEntry.class)).toList();
    }

    List<DeadLetter> deadLetters() {
        return written.stream().filter(o -> o.topic().equals(TOPICS.deadLetters()))
                .map(o -> Json.read(o.value(), DeadLetter.class)).toList();
    }

    /** The books from the snapshots and deltas published so far, public and private, as {@code ./scoreline books} reads them. */
    Books.Totals books() {
        Books books = new Books();
        written.stream().filter(o -> o.topic().equals(TOPICS.snapshots()) || o.topic().equals(TOPICS.privateSnapshots()))
                .forEach(o -> books.snapshot(Json.read(o.value(), Snapshot.class)));
        written.stream().filter(o -> o.topic().equals(TOPICS.deltas()) || o.topic().equals(TOPICS.privateDeltas()))
                .forEach(o -> books.delta(Json.read(o.value(), Delta.class)));
        return books.totals();
    }

    @Override
    public void close() throws Exception {
        wallets.close();
        tables.close();
        matches.close();
    }
}
