package dev.scoreline.job;

import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.entity.Epochs;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.job.serde.JsonTypeInfo;
import dev.scoreline.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
 * output records. Batching: an entity's changes gather until {@code batchInterval} of processing
 * time has passed since the first of them, or {@code batchMaxEvents} are waiting, and then go out
 * as one delta per changed channel.
 *
 * <p>Timers: a processing-time timer per pending batch, an event-time timer at the entity's next
 * deadline, and a processing-time timer that removes the entity once idle or finished. Every timer
 * is remembered in state, so a replaced one is deleted and a removed entity leaves none behind.
 */
public final class EntityStateFunction<S, E extends EntityEvent>
        extends KeyedProcessFunction<String, Sourced<E>, Outgoing> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EntityStateFunction.class);

    private final RulesFactory<S, E> rulesFactory;
    private final Class<S> stateType;
    private final Class<E> eventType;
    private final OutputTopics topics;
    private final StateTuning tuning;

    /**
     * How many entities' records stay deserialized between their events. RocksDB holds every
     * record and is what checkpoints capture; this is a read-through cache in front of it, kept
     * in step by {@link #store} and {@link #clearRecord} (the only writers of the record of a key
     * this instance owns), and gone with the instance on any restore.
     */
    private static final int RECENT_RECORDS = 512;

    private transient EntityEngine<S, E> engine;
    private transient Map<String, EntityRecord<S>> recent;
    private transient String jobId;
    private transient ValueState<EntityRecord<S>> record;
    private transient ListState<E> history;
    private transient MapState<String, Long> seen;
    private transient ValueState<Long> flushTimer;
    private transient ValueState<Long> snapshotTimer;
    private transient ValueState<Long> pendingEvents;
    private transient ValueState<Long> deadlineTimer;
    private transient ValueState<Long> cleanupTimer;
    private transient ValueState<Long> lastActivity;
    private transient Counter duplicates;
    private transient Counter rejections;
    private transient Counter applied;
    private transient Counter stuckDeadlines;

    public EntityStateFunction(RulesFactory<S, E> rulesFactory, Class<S> stateType, Class<E> eventType,
            OutputTopics topics, StateTuning tuning) {
        this.rulesFactory = rulesFactory;
        this.stateType = stateType;
        this.eventType = eventType;
        this.topics = topics;
        this.tuning = tuning;
    }

    @Override
    public void open(OpenContext openContext) {
        EntityRules<S, E> rules = rulesFactory.get();
        engine = new EntityEngine<>(rules, tuning.snapshots());
        recent = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EntityRecord<S>> eldest) {
                return size() > RECENT_RECORDS;
            }
        };
        jobId = getRuntimeContext().getJobInfo().getJobId().toHexString();

        JsonTypeInfo<EntityRecord<S>> recordType = JsonTypeInfo.of(EntityRecord.class, stateType);
        record = getRuntimeContext().getState(new ValueStateDescriptor<>("record", recordType.createSerializer()));
        JsonTypeInfo<E> eventInfo = JsonTypeInfo.of(eventType);
        history = getRuntimeContext().getListState(new ListStateDescriptor<>("history", eventInfo.createSerializer()));

        MapStateDescriptor<String, Long> seenDescriptor =
                new MapStateDescriptor<>("seen-event-ids", StringSerializer.INSTANCE, LongSerializer.INSTANCE);
        seenDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(tuning.dedupRetention())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        seen = getRuntimeContext().getMapState(seenDescriptor);

        flushTimer = longState("flush-timer");
        snapshotTimer = longState("snapshot-timer");
        pendingEvents = longState("pending-events");
        deadlineTimer = longState("deadline-timer");
        cleanupTimer = longState("cleanup-timer");
        lastActivity = longState("last-activity");

        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
        rejections = getRuntimeContext().getMetricGroup().counter("rejectedEvents");
        applied = getRuntimeContext().getMetricGroup().counter("appliedEvents");
        stuckDeadlines = getRuntimeContext().getMetricGroup().counter("stuckDeadlines");
    }

    /** The entity's record, deserialized from RocksDB only when this instance has not got it at hand. */
    private EntityRecord<S> load(Context ctx) throws Exception {
        EntityRecord<S> cached = recent.get(ctx.getCurrentKey());
        if (cached != null) {
            return cached;
        }
        EntityRecord<S> stored = record.value();
        if (stored != null) {
            recent.put(ctx.getCurrentKey(), stored);
        }
        return stored;
    }

    private void store(Context ctx, EntityRecord<S> value) throws Exception {
        record.update(value);
        recent.put(ctx.getCurrentKey(), value);
    }

    private void clearRecord(Context ctx) {
        record.clear();
        recent.remove(ctx.getCurrentKey());
    }

    private ValueState<Long> longState(String name) {
        return getRuntimeContext().getState(new ValueStateDescriptor<>(name, LongSerializer.INSTANCE));
    }

    @Override
    public void processElement(Sourced<E> in, Context ctx, Collector<Outgoing> out) throws Exception {
        E event = in.event();
        if (seen.contains(event.eventId())) {
            duplicates.inc();
            return;
        }
        EntityRecord<S> before = load(ctx);
        EntityEngine.Step<S, E> step = engine.apply(before, event, historySupplier(),
                Epochs.of(jobId, ctx.getCurrentKey(), event.eventId()));
        if (step.rejected()) {
            rejections.inc();
            String reason = before == null && step.record() == null ? DeadLetter.UNKNOWN_ENTITY : DeadLetter.REJECTED;
            DeadLetter letter = DeadLetters.of(in.topic(), in.partition(), in.offset(), event.entityId(),
                    Json.string(event), reason, step.rejection(), List.of());
            out.collect(new Outgoing(topics.deadLetters(), event.entityId(), Json.bytes(letter),
                    ctx.timerService().currentProcessingTime()));
        }
        absorb(step, ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Outgoing> out) throws Exception {
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            if (Long.valueOf(timestamp).equals(deadlineTimer.value())) {
                deadlineTimer.clear();
                EntityRecord<S> current = load(ctx);
                if (current != null) {
                    absorb(engine.expire(current, Instant.ofEpochMilli(timestamp), historySupplier()), ctx, out);
                }
            }
            return;
        }
        if (Long.valueOf(timestamp).equals(flushTimer.value())) {
            flushTimer.clear();
            flush(ctx, out);
        }
        if (Long.valueOf(timestamp).equals(snapshotTimer.value())) {
            snapshotTimer.clear();
            flush(ctx, out);
        }
        if (Long.valueOf(timestamp).equals(cleanupTimer.value())) {
            cleanupTimer.clear();
            cleanUpIfDue(ctx, out);
        }
    }

    /**
     * Stores what a step accepted and emits its change log; schedules the flush, deadline and
     * clean-up. The record is read once per event and written once: with RocksDB every read and
     * write is a (de)serialization of the whole entity.
     */
    private void absorb(EntityEngine.Step<S, E> step, Context ctx, Collector<Outgoing> out) throws Exception {
        if (step.stuckDeadline() != null) {
            reportStuck(step, ctx);
        }
        if (step.accepted().isEmpty()) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        EntityRecord<S> current = step.record();
        for (E accepted : step.accepted()) {
            if (engine.rules().keepsHistory()) {
                history.add(accepted);
            }
        }
        for (ChangeLogEntry entry : step.changeLog()) {
            seen.put(entry.eventId(), entry.version());
            out.collect(new Outgoing(topics.changeLog(), entry.entityId(), Json.bytes(entry), now));
        }
        applied.inc(step.accepted().size());
        lastActivity.update(now);

        long waiting = (pendingEvents.value() == null ? 0 : pendingEvents.value()) + step.accepted().size();
        if (waiting >= tuning.batchMaxEvents() || tuning.batchInterval().isZero()) {
            current = publish(current, ctx, out);
        } else {
            pendingEvents.update(waiting);
            if (flushTimer.value() == null) {
                long at = now + tuning.batchInterval().toMillis();
                ctx.timerService().registerProcessingTimeTimer(at);
                flushTimer.update(at);
            }
        }
        store(ctx, current);
        if (step.stuckDeadline() == null) {
            scheduleDeadline(ctx, current);
        }
        scheduleCleanup(ctx, current, now);
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

    /** Publishes what waits of the stored entity (a timer fired). */
    private void flush(Context ctx, Collector<Outgoing> out) throws Exception {
        EntityRecord<S> current = load(ctx);
        EntityRecord<S> published = publish(current, ctx, out);
        if (published != null) {
            store(ctx, published);
        }
    }

    /**
     * Emits the deltas and snapshots that {@code current} has waiting, ends the pending batch, and
     * returns the record with its cursors moved on (for the caller to store); null for null.
     */
    private EntityRecord<S> publish(EntityRecord<S> current, Context ctx, Collector<Outgoing> out) throws Exception {
        Long timer = flushTimer.value();
        if (timer != null) {
            ctx.timerService().deleteProcessingTimeTimer(timer);
            flushTimer.clear();
        }
        pendingEvents.clear();
        if (current == null) {
            return null;
        }
        long now = ctx.timerService().currentProcessingTime();
        EntityEngine.Publication<S> publication = engine.publish(current, now);
        for (Delta delta : publication.deltas()) {
            out.collect(new Outgoing(topics.deltas(), delta.channel(), Json.bytes(delta), now));
        }
        for (Snapshot snapshot : publication.snapshots()) {
            out.collect(new Outgoing(topics.snapshots(), snapshot.channel(), Json.bytes(snapshot), now));
        }
        scheduleSnapshot(ctx, publication.record());
        return publication.record();
    }

    /** A channel whose snapshot lags its deltas gets one when the interval is up, even if it changes no more. */
    private void scheduleSnapshot(Context ctx, EntityRecord<S> current) throws Exception {
        java.util.OptionalLong due = engine.nextSnapshotDue(current);
        Long registered = snapshotTimer.value();
        if (due.isPresent() && Long.valueOf(due.getAsLong()).equals(registered)) {
            return;
        }
        if (registered != null) {
            ctx.timerService().deleteProcessingTimeTimer(registered);
            snapshotTimer.clear();
        }
        if (due.isPresent()) {
            ctx.timerService().registerProcessingTimeTimer(due.getAsLong());
            snapshotTimer.update(due.getAsLong());
        }
    }

    private void scheduleDeadline(Context ctx, EntityRecord<S> current) throws Exception {
        Instant deadline = engine.rules().deadline(current.state());
        Long registered = deadlineTimer.value();
        Long wanted = deadline == null ? null : deadline.toEpochMilli();
        if (wanted != null && wanted.equals(registered)) {
            return;
        }
        if (registered != null) {
            ctx.timerService().deleteEventTimeTimer(registered);
            deadlineTimer.clear();
        }
        if (wanted != null) {
            ctx.timerService().registerEventTimeTimer(wanted);
            deadlineTimer.update(wanted);
        }
    }

    private void scheduleCleanup(Context ctx, EntityRecord<S> current, long now) throws Exception {
        long due = dueForCleanup(current, now);
        Long registered = cleanupTimer.value();
        if (registered != null && registered <= due) {
            // an earlier timer stays: when it fires, cleanUpIfDue sees the later activity and sets
            // the next one, so an event costs no timer deletion and registration
            return;
        }
        if (registered != null) {
            ctx.timerService().deleteProcessingTimeTimer(registered);
        }
        ctx.timerService().registerProcessingTimeTimer(due);
        cleanupTimer.update(due);
    }

    private long dueForCleanup(EntityRecord<S> current, long lastActive) {
        boolean finished = engine.rules().isFinished(current.state());
        return lastActive + (finished ? tuning.finishedRetention() : tuning.idleTimeout()).toMillis();
    }

    private void cleanUpIfDue(Context ctx, Collector<Outgoing> out) throws Exception {
        EntityRecord<S> current = load(ctx);
        Long active = lastActivity.value();
        long now = ctx.timerService().currentProcessingTime();
        if (current != null && active != null && dueForCleanup(current, active) > now) {
            scheduleCleanup(ctx, current, active);
            return;
        }
        flush(ctx, out);
        Long deadline = deadlineTimer.value();
        if (deadline != null) {
            ctx.timerService().deleteEventTimeTimer(deadline);
        }
        Long snapshot = snapshotTimer.value();
        if (snapshot != null) {
            ctx.timerService().deleteProcessingTimeTimer(snapshot);
        }
        clearRecord(ctx);
        history.clear();
        seen.clear();
        flushTimer.clear();
        snapshotTimer.clear();
        pendingEvents.clear();
        deadlineTimer.clear();
        cleanupTimer.clear();
        lastActivity.clear();
    }

    private Supplier<List<E>> historySupplier() {
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
            return events;
        };
    }
}
