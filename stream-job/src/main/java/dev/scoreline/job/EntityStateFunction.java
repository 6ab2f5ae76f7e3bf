package dev.scoreline.job;

import dev.scoreline.action.Actions;
import dev.scoreline.action.Verdict;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.entity.Epochs;
import dev.scoreline.entity.Message;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.job.serde.JsonTypeInfo;
import dev.scoreline.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyed function every entity kind runs in: a thin shell around {@link EntityEngine} that
 * keeps its record, history and seen event ids in keyed state, and turns what the engine says into
 * output records (messages to other entities included: written to their input topic, through the
 * same sink). A player's action (an event with an {@link Actions action id}) is answered by a
 * {@link Verdict}: a refusal is normal play ("not your turn"), so it is the verdict and no dead
 * letter, and it is remembered like an accepted id so that a retry gets the same answer.
 * Batching: an entity publishes at most once per {@code batchInterval} of processing time (sooner
 * only when {@code batchMaxEvents} are waiting), one delta per changed channel. A change of an
 * entity that has not published for an interval goes out at once (a live match's ball does not
 * wait for nothing); the changes that follow within the interval gather and go out together when
 * it is up.
 *
 * <p>Timers: a processing-time timer per pending batch, an event-time timer at the entity's next
 * deadline, and a processing-time timer that removes the entity once idle or finished. Every timer
 * is remembered in state, so a replaced one is deleted and a removed entity leaves none behind.
 */
public final class EntityStateFunction<S, E extends EntityEvent>
        extends KeyedProcessFunction<String, Sourced<E>, Outgoing> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EntityStateFunction.class);

    /**
     * How long after a deadline its tick is sent: the broker's clock, which stamps players' moves,
     * may run a little behind the job's, and a move Kafka took before the deadline must come before
     * the tick in the partition.
     */
    static final Duration TICK_GRACE = Duration.ofMillis(250);

    /** How far behind the wall clock a deadline may be and still get a tick (see {@link #scheduleTick}). */
    static final Duration LIVE_HORIZON = Duration.ofHours(1);

    /** The names of {@link #legacySchedule}'s states, in {@link EntitySchedule}'s order. */
    private static final List<String> LEGACY_SCHEDULE = List.of("pending-events", "last-activity", "flush-timer",
            "snapshot-timer", "deadline-timer", "tick-timer", "cleanup-timer");

    private final EntityKind<S, E> kind;
    private final OutputTopics topics;
    private final StateTuning tuning;

    private transient EntityEngine<S, E> engine;
    /**
     * A write-back cache of up to {@link StateTuning#entitiesInMemory} entities, in front of the
     * state backend (RocksDB), which holds every entity and is what checkpoints capture: an event
     * reads and changes only its {@link EntitySlot} (a RocksDB read and write is a
     * (de)serialization of the whole entity, once per event otherwise), and a slot is written to
     * the backend before each checkpoint barrier and when it is let go. Gone with the instance on
     * any restore, which reads the backend afresh.
     */
    private transient LinkedHashMap<String, EntitySlot<S, E>> slots;
    private transient Consumer<Object> keySwitch;
    private transient String jobId;
    private transient ValueState<EntityRecord<S>> record;
    private transient ListState<E> history;
    private transient MapState<String, Long> seen;
    /** The refused actions' event ids with the reasons: a retry is refused again for the same reason. */
    private transient MapState<String, String> refused;
    private transient ValueState<EntitySchedule> schedule;
    /**
     * The schedule as releases up to b5baaa7 kept it, one state per field: read for an entity
     * restored from their savepoints that has no {@link #schedule} yet, and cleared when it is
     * next written. Seven states cost seven writes per entity and seven column families for
     * RocksDB to flush at every checkpoint, which is time the pipeline waits. Asked for only when
     * such an entity turns up: a job that never restored an earlier release's state does not
     * create them.
     */
    private transient List<ValueState<Long>> legacySchedule;
    private transient Counter duplicates;
    private transient Counter rejections;
    private transient Counter refusedActions;
    private transient Counter applied;
    private transient Counter stuckDeadlines;
    private transient Map<String, Counter> notices;

    public EntityStateFunction(EntityKind<S, E> kind, OutputTopics topics, StateTuning tuning) {
        this.kind = kind;
        this.topics = topics;
        this.tuning = tuning;
    }

    /** How this function sets the state backend's current key to write a slot: given by {@link EntityStateOperator}. */
    void writeUnder(Consumer<Object> keySwitch) {
        this.keySwitch = keySwitch;
    }

    @Override
    public void open(OpenContext openContext) {
        if (keySwitch == null) {
            throw new IllegalStateException("EntityStateFunction keeps state in memory between checkpoints and "
                    + "must run in an EntityStateOperator, which writes it before each barrier");
        }
        EntityRules<S, E> rules = kind.rules().get();
        engine = new EntityEngine<>(rules, tuning.snapshots());
        slots = new LinkedHashMap<>(64, 0.75f, true);
        jobId = getRuntimeContext().getJobInfo().getJobId().toHexString();

        JsonTypeInfo<EntityRecord<S>> recordType = JsonTypeInfo.of(EntityRecord.class, kind.stateType());
        record = getRuntimeContext().getState(new ValueStateDescriptor<>("record", recordType.createSerializer()));
        JsonTypeInfo<E> eventInfo = JsonTypeInfo.of(kind.eventType());
        history = getRuntimeContext().getListState(new ListStateDescriptor<>("history", eventInfo.createSerializer()));

        StateTtlConfig dedupTtl = StateTtlConfig.newBuilder(tuning.dedupRetention())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
        MapStateDescriptor<String, Long> seenDescriptor =
                new MapStateDescriptor<>("seen-event-ids", StringSerializer.INSTANCE, LongSerializer.INSTANCE);
        seenDescriptor.enableTimeToLive(dedupTtl);
        seen = getRuntimeContext().getMapState(seenDescriptor);
        MapStateDescriptor<String, String> refusedDescriptor =
                new MapStateDescriptor<>("refused-actions", StringSerializer.INSTANCE, StringSerializer.INSTANCE);
        refusedDescriptor.enableTimeToLive(dedupTtl);
        refused = getRuntimeContext().getMapState(refusedDescriptor);

        schedule = getRuntimeContext().getState(
                new ValueStateDescriptor<>("schedule", TypeInformation.of(EntitySchedule.class)));

        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
        rejections = getRuntimeContext().getMetricGroup().counter("rejectedEvents");
        refusedActions = getRuntimeContext().getMetricGroup().counter("refusedActions");
        applied = getRuntimeContext().getMetricGroup().counter("appliedEvents");
        stuckDeadlines = getRuntimeContext().getMetricGroup().counter("stuckDeadlines");
        notices = new HashMap<>();
    }

    /** The current key's slot: from memory, or read from the state backend (letting the least recently used go). */
    private EntitySlot<S, E> slot(Context ctx) throws Exception {
        String key = ctx.getCurrentKey();
        EntitySlot<S, E> slot = slots.get(key);
        if (slot != null) {
            return slot;
        }
        slot = new EntitySlot<>();
        slot.record = record.value();
        EntitySchedule stored = schedule.value();
        if (stored == null && slot.record != null) {
            stored = legacySchedule();
            slot.legacySchedule = stored != null;
        }
        if (stored != null) {
            stored.into(slot);
        }
        slots.put(key, slot);
        if (slots.size() > tuning.entitiesInMemory()) {
            Iterator<Map.Entry<String, EntitySlot<S, E>>> eldest = slots.entrySet().iterator();
            Map.Entry<String, EntitySlot<S, E>> gone = eldest.next();
            eldest.remove();
            if (gone.getValue().dirty) {
                keySwitch.accept(gone.getKey());
                write(gone.getValue());
                keySwitch.accept(key);
            }
        }
        return slot;
    }

    /** Writes every slot that differs from the state backend (before a checkpoint barrier). */
    void writeAll() throws Exception {
        for (Map.Entry<String, EntitySlot<S, E>> entry : slots.entrySet()) {
            if (entry.getValue().dirty) {
                keySwitch.accept(entry.getKey());
                write(entry.getValue());
            }
        }
    }

    /** Writes one slot under the current key. */
    private void write(EntitySlot<S, E> slot) throws Exception {
        if (slot.record == null) {
            record.clear();
        } else {
            record.update(slot.record);
        }
        if (!slot.newHistory.isEmpty()) {
            history.addAll(slot.newHistory);
            slot.newHistory.clear();
        }
        if (!slot.newSeen.isEmpty()) {
            seen.putAll(slot.newSeen);
            slot.newSeen.clear();
        }
        if (!slot.newRefused.isEmpty()) {
            refused.putAll(slot.newRefused);
            slot.newRefused.clear();
        }
        EntitySchedule now = EntitySchedule.of(slot);
        if (now.isEmpty()) {
            schedule.clear();
        } else {
            schedule.update(now);
        }
        if (slot.legacySchedule) {
            clearLegacySchedule();
            slot.legacySchedule = false;
        }
        slot.dirty = false;
    }

    /** The current key's schedule in the earlier releases' form, null when it has none. */
    private EntitySchedule legacySchedule() throws Exception {
        if (legacySchedule == null) {
            legacySchedule = LEGACY_SCHEDULE.stream().map(this::longState).toList();
        }
        Long[] v = new Long[LEGACY_SCHEDULE.size()];
        boolean any = false;
        for (int i = 0; i < v.length; i++) {
            v[i] = legacySchedule.get(i).value();
            any |= v[i] != null;
        }
        return any ? new EntitySchedule(v[0] == null ? 0 : v[0], v[1], v[2], v[3], v[4], v[5], v[6]) : null;
    }

    private void clearLegacySchedule() {
        for (ValueState<Long> field : legacySchedule) {
            field.clear();
        }
    }

    private ValueState<Long> longState(String name) {
        return getRuntimeContext().getState(new ValueStateDescriptor<>(name, LongSerializer.INSTANCE));
    }

    @Override
    public void processElement(Sourced<E> in, Context ctx, Collector<Outgoing> out) throws Exception {
        E event = in.event();
        EntitySlot<S, E> slot = slot(ctx);
        Optional<Actions.Action> action = Actions.of(event.eventId());
        Long seenAt = slot.newSeen.containsKey(event.eventId())
                ? slot.newSeen.get(event.eventId())
                : seen.get(event.eventId());
        if (seenAt != null) {
            duplicates.inc();
            Message forward = engine.rules().forward(event);
            if (forward != null) {
                send(forward, ctx, out);
            } else {
                action.ifPresent(a -> answer(a, event, seenAt, null, ctx, out));
            }
            return;
        }
        if (action.isPresent()) {
            String refusedFor = slot.newRefused.containsKey(event.eventId())
                    ? slot.newRefused.get(event.eventId())
                    : refused.get(event.eventId());
            if (refusedFor != null) {
                duplicates.inc();
                answer(action.get(), event, null, refusedFor, ctx, out);
                return;
            }
        }
        EntityRecord<S> before = slot.record;
        EntityEngine.Step<S, E> step = engine.apply(before, slot.views, event, historySupplier(slot),
                before == null ? Epochs.of(jobId, ctx.getCurrentKey(), event.eventId()) : null);
        if (step.rejected() && action.isPresent()) {
            refusedActions.inc();
            // The rules' own reason for an entity that does not exist speaks of its first event,
            // which a player does not send; an entity that any event may create (a wallet) has
            // nothing to say of it.
            String reason = before == null && !engine.rules().startsEmpty()
                    ? engine.rules().kind().prefix() + " " + event.entityId() + " does not exist"
                    : step.rejection();
            slot.newRefused.put(event.eventId(), reason);
            slot.dirty = true;
            answer(action.get(), event, null, reason, ctx, out);
            sendAll(engine.rules().refusalMessages(event, reason), ctx, out);
        } else if (step.rejected()) {
            rejections.inc();
            String reason = before == null && step.record() == null ? DeadLetter.UNKNOWN_ENTITY : DeadLetter.REJECTED;
            DeadLetter letter = DeadLetters.of(in.topic(), in.partition(), in.offset(), event.entityId(),
                    Json.string(event), reason, step.rejection(), List.of());
            out.collect(new Outgoing(topics.deadLetters(), event.entityId(), Json.bytes(letter),
                    ctx.timerService().currentProcessingTime()));
            sendAll(engine.rules().refusalMessages(event, step.rejection()), ctx, out);
        } else {
            count(engine.rules().notices(before == null ? null : before.state(), step.record().state()));
        }
        absorb(slot, step, ctx, out);
        if (!step.rejected()) {
            // a step passed on goes on whoever sent it, and its receiver gives the player's verdict
            Message forward = engine.rules().forward(event);
            if (forward != null) {
                send(forward, ctx, out);
            } else {
                action.ifPresent(a -> answer(a, event, step.record().version(), null, ctx, out));
            }
        }
    }

    /** An event for another entity, to its input topic, keyed by it. */
    private void send(Message message, Context ctx, Collector<Outgoing> out) {
        out.collect(new Outgoing(topics.messagesTo(message.topic()), message.key(), Json.bytes(message.event()),
                ctx.timerService().currentProcessingTime()));
    }

    private void sendAll(List<Message> messages, Context ctx, Collector<Outgoing> out) {
        for (Message message : messages) {
            send(message, ctx, out);
        }
    }

    /**
     * The verdict on a player's action, to the player: accepted at {@code version} (the entity's
     * version that includes it), or refused for {@code reason}.
     */
    private void answer(Actions.Action action, E event, Long version, String reason, Context ctx,
            Collector<Outgoing> out) {
        long now = ctx.timerService().currentProcessingTime();
        String channel = engine.rules().actedOn(event).name();
        Verdict verdict = version != null
                ? Verdict.accepted(action, channel, event.eventId(), version, Instant.ofEpochMilli(now))
                : Verdict.refused(action, channel, event.eventId(), reason, Instant.ofEpochMilli(now));
        out.collect(new Outgoing(topics.verdicts(), action.playerId(), Json.bytes(verdict), now));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Outgoing> out) throws Exception {
        EntitySlot<S, E> slot = slot(ctx);
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            if (Long.valueOf(timestamp).equals(slot.deadlineAt)) {
                slot.deadlineAt = null;
                slot.dirty = true;
                if (slot.record != null) {
                    absorb(slot, engine.expire(slot.record, slot.views, Instant.ofEpochMilli(timestamp),
                            historySupplier(slot)), ctx, out);
                }
            }
            return;
        }
        if (Long.valueOf(timestamp).equals(slot.flushAt)) {
            slot.flushAt = null;
            publish(slot, ctx, out);
        }
        if (Long.valueOf(timestamp).equals(slot.snapshotAt)) {
            slot.snapshotAt = null;
            publish(slot, ctx, out);
        }
        if (Long.valueOf(timestamp).equals(slot.tickAt)) {
            // tickAt stays: the same deadline, still waiting for its tick to come back, gets no second one
            slot.dirty = true;
            sendTick(slot, ctx, out);
        }
        if (Long.valueOf(timestamp).equals(slot.cleanupAt)) {
            slot.cleanupAt = null;
            slot.dirty = true;
            cleanUpIfDue(slot, ctx, out);
        }
    }

    /**
     * Writes the entity's due deadline event to its own input topic, keyed by the entity: when it
     * comes back through its partition it folds what is due by its time (the engine drops the tick
     * itself), so a quiet table's turn times out and its next hand is dealt without waiting for a
     * watermark that only other events move. In the log, it also settles which moves were in time
     * the same way on every replay: those before it in the partition.
     */
    private void sendTick(EntitySlot<S, E> slot, Context ctx, Collector<Outgoing> out) {
        if (slot.record == null) {
            return;
        }
        S state = slot.record.state();
        Instant deadline = engine.rules().deadline(state);
        if (deadline == null) {
            return;
        }
        E tick = engine.rules().deadlineTick(state, deadline);
        out.collect(new Outgoing(kind.inputTopic(), tick.entityId(), Json.bytes(tick),
                ctx.timerService().currentProcessingTime()));
    }

    /** Takes in what a step accepted and emits its change log; schedules the flush, deadline and clean-up. */
    private void absorb(EntitySlot<S, E> slot, EntityEngine.Step<S, E> step, Context ctx, Collector<Outgoing> out)
            throws Exception {
        if (step.stuckDeadline() != null) {
            reportStuck(step, ctx);
        }
        if (step.accepted().isEmpty()) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        if (engine.rules().keepsHistory()) {
            for (E event : step.accepted()) {
                if (engine.rules().keepsInHistory(event)) {
                    slot.newHistory.add(event);
                }
            }
        }
        for (ChangeLogEntry entry : step.changeLog()) {
            slot.newSeen.put(entry.eventId(), entry.version());
            out.collect(new Outgoing(topics.changeLog(), entry.entityId(), Json.bytes(entry), now));
        }
        sendAll(step.messages(), ctx, out);
        applied.inc(step.accepted().size());
        slot.record = step.record();
        slot.views = step.views();
        slot.lastActivity = now;
        slot.dirty = true;

        slot.pendingEvents += step.accepted().size();
        long allowed = slot.publishedAt == null ? now : slot.publishedAt + tuning.batchInterval().toMillis();
        if (slot.pendingEvents >= tuning.batchMaxEvents() || (slot.flushAt == null && allowed <= now)) {
            publish(slot, ctx, out);
        } else if (slot.flushAt == null) {
            ctx.timerService().registerProcessingTimeTimer(allowed);
            slot.flushAt = allowed;
        }
        if (step.stuckDeadline() == null) {
            scheduleDeadline(slot, ctx);
        }
        scheduleCleanup(slot, ctx, now);
    }

    private void count(List<String> names) {
        for (String name : names) {
            notices.computeIfAbsent(name, n -> getRuntimeContext().getMetricGroup().counter(n)).inc();
        }
    }

    /**
     * A deadline the rules could not fold is a fault in the rules, not in any input record, so it
     * is logged (with the entity) and counted rather than dead-lettered; its timer is not set again
     * (it is already due and would fail at every watermark), and the entity's next event tries it
     * once more.
     */
    private void reportStuck(EntityEngine.Step<S, E> step, Context ctx) {
        stuckDeadlines.inc();
        LOG.error("{} {}: {}", engine.rules().kind().prefix(), ctx.getCurrentKey(), step.stuckDeadline());
    }

    /**
     * Emits the deltas and snapshots the entity has waiting, ends the pending batch and moves the
     * entity's cursors on.
     */
    private void publish(EntitySlot<S, E> slot, Context ctx, Collector<Outgoing> out) throws Exception {
        if (slot.flushAt != null) {
            ctx.timerService().deleteProcessingTimeTimer(slot.flushAt);
            slot.flushAt = null;
        }
        slot.pendingEvents = 0;
        slot.dirty = true;
        if (slot.record == null) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        slot.publishedAt = now;
        EntityEngine.Publication<S> publication = engine.publish(slot.record, slot.views, now);
        for (Delta delta : publication.deltas()) {
            String player = Channel.ownerOf(delta.channel());
            out.collect(new Outgoing(player == null ? topics.deltas() : topics.privateDeltas(), delta.channel(),
                    Json.bytes(delta), now, player));
        }
        for (Snapshot snapshot : publication.snapshots()) {
            String player = Channel.ownerOf(snapshot.channel());
            out.collect(new Outgoing(player == null ? topics.snapshots() : topics.privateSnapshots(),
                    snapshot.channel(), Json.bytes(snapshot), now, player));
        }
        slot.record = publication.record();
        slot.views = publication.views();
        scheduleSnapshot(slot, ctx);
    }

    /** A channel whose snapshot lags its deltas gets one when the interval is up, even if it changes no more. */
    private void scheduleSnapshot(EntitySlot<S, E> slot, Context ctx) {
        OptionalLong due = engine.nextSnapshotDue(slot.record);
        if (due.isPresent() && Long.valueOf(due.getAsLong()).equals(slot.snapshotAt)) {
            return;
        }
        if (slot.snapshotAt != null) {
            ctx.timerService().deleteProcessingTimeTimer(slot.snapshotAt);
            slot.snapshotAt = null;
        }
        if (due.isPresent()) {
            ctx.timerService().registerProcessingTimeTimer(due.getAsLong());
            slot.snapshotAt = due.getAsLong();
        }
    }

    private void scheduleDeadline(EntitySlot<S, E> slot, Context ctx) {
        Instant deadline = engine.rules().deadline(slot.record.state());
        Long wanted = deadline == null ? null : deadline.toEpochMilli();
        scheduleTick(slot, ctx, wanted);
        if (wanted != null && wanted.equals(slot.deadlineAt)) {
            return;
        }
        if (slot.deadlineAt != null) {
            ctx.timerService().deleteEventTimeTimer(slot.deadlineAt);
            slot.deadlineAt = null;
        }
        if (wanted != null) {
            ctx.timerService().registerEventTimeTimer(wanted);
            slot.deadlineAt = wanted;
        }
    }

    /**
     * A live deadline is also sent as a tick ({@link #sendTick}) when the wall clock passes it,
     * {@link #TICK_GRACE} late, or at once when it has passed already: a table the job restored
     * after an outage replays its events after their deadlines, and its tick, appended behind
     * everything its partition holds, still comes after every move that was in time. Live means
     * within {@link #LIVE_HORIZON} of the wall clock (players' moves carry Kafka's time); older
     * deadlines belong to a replay of old records or a simulation on event time alone, where a
     * tick could overtake records still being written, and the watermark's timer serves them.
     */
    private void scheduleTick(EntitySlot<S, E> slot, Context ctx, Long deadline) {
        long now = ctx.timerService().currentProcessingTime();
        Long wanted = deadline != null && deadline > now - LIVE_HORIZON.toMillis()
                ? deadline + TICK_GRACE.toMillis() : null;
        if (wanted == null ? slot.tickAt == null : wanted.equals(slot.tickAt)) {
            return;
        }
        if (slot.tickAt != null) {
            ctx.timerService().deleteProcessingTimeTimer(slot.tickAt);
        }
        if (wanted != null) {
            ctx.timerService().registerProcessingTimeTimer(wanted);
        }
        slot.tickAt = wanted;
    }

    private void scheduleCleanup(EntitySlot<S, E> slot, Context ctx, long lastActive) {
        long due = dueForCleanup(slot.record, lastActive);
        if (slot.cleanupAt != null && slot.cleanupAt <= due) {
            // an earlier timer stays: when it fires, cleanUpIfDue sees the later activity and sets
            // the next one, so an event costs no timer deletion and registration
            return;
        }
        if (slot.cleanupAt != null) {
            ctx.timerService().deleteProcessingTimeTimer(slot.cleanupAt);
        }
        ctx.timerService().registerProcessingTimeTimer(due);
        slot.cleanupAt = due;
    }

    private long dueForCleanup(EntityRecord<S> current, long lastActive) {
        boolean finished = engine.rules().isFinished(current.state());
        return lastActive + (finished ? tuning.finishedRetention() : tuning.idleTimeout()).toMillis();
    }

    private void cleanUpIfDue(EntitySlot<S, E> slot, Context ctx, Collector<Outgoing> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (slot.record != null && slot.lastActivity != null && dueForCleanup(slot.record, slot.lastActivity) > now) {
            scheduleCleanup(slot, ctx, slot.lastActivity);
            return;
        }
        if (slot.record != null && !engine.rules().mayForget(slot.record.state())) {
            scheduleCleanup(slot, ctx, now);
            return;
        }
        publish(slot, ctx, out);
        if (slot.deadlineAt != null) {
            ctx.timerService().deleteEventTimeTimer(slot.deadlineAt);
        }
        if (slot.tickAt != null) {
            ctx.timerService().deleteProcessingTimeTimer(slot.tickAt);
        }
        if (slot.snapshotAt != null) {
            ctx.timerService().deleteProcessingTimeTimer(slot.snapshotAt);
        }
        slots.remove(ctx.getCurrentKey());
        record.clear();
        history.clear();
        seen.clear();
        refused.clear();
        schedule.clear();
        if (slot.legacySchedule) {
            clearLegacySchedule();
        }
    }

    private Supplier<List<E>> historySupplier(EntitySlot<S, E> slot) {
        return () -> {
            List<E> events = new ArrayList<>();
            try {
                Iterable<E> stored = history.get();
                if (stored != null) {
                    stored.forEach(events::add);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the event history", e);
            }
            events.addAll(slot.newHistory);
            return events;
        };
    }
}
