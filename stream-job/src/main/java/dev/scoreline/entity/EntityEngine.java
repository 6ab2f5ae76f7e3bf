package dev.scoreline.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.patch.ChangedFields;
import dev.scoreline.patch.MergePatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The entity-independent part of the fold: versions, epochs, deadlines, the change log and what
 * each channel must publish next. The keyed function is a shell that loads an {@link EntityRecord},
 * hands it here with the event, and stores what comes back.
 *
 * <p>Views are a pure function of the state, and building them is much of an event's cost, so the
 * views last built travel beside the record ({@link Views}): every call takes those the caller
 * has (null when none, and they are built) and hands back the latest, for the caller to keep with
 * the record it returns. The engine itself keeps nothing between calls. For rules that report
 * their changes ({@link EntityRules#changes}) an event builds no views at all: a publication
 * builds them from the last ones.
 */
public final class EntityEngine<S, E extends EntityEvent> {

    private final EntityRules<S, E> rules;
    private final SnapshotPolicy snapshots;

    public EntityEngine(EntityRules<S, E> rules, SnapshotPolicy snapshots) {
        this.rules = rules;
        this.snapshots = snapshots;
    }

    public EntityRules<S, E> rules() {
        return rules;
    }

    /**
     * Folds one event into the entity, after any deadline that passed before the event's time. A
     * deadline event of the rules' own ({@link EntityRules#isDeadlineEvent}) only moves the clock:
     * what was due by its time is folded, and the event itself is not.
     *
     * @param record the entity, null when it does not exist yet
     * @param views the views last built for this entity, null when not at hand
     * @param history the events accepted so far (read only if the rules ask for them)
     * @param epochIfNew the epoch to give the entity if this event creates it
     */
    public Step<S, E> apply(EntityRecord<S> record, Views<S> views, E event,
            Supplier<List<E>> history, String epochIfNew) {
        Fold fold = new Fold(record, views, history);
        if (record != null) {
            fold.expireUntil(event.eventTime());
        }
        if (rules.isDeadlineEvent(event)) {
            return fold.step(null);
        }
        String rejection = fold.accept(event, epochIfNew);
        return fold.step(rejection);
    }

    /** Folds the deadline events of every deadline at or before {@code time} (an event-time timer fired). */
    public Step<S, E> expire(EntityRecord<S> record, Views<S> views, Instant time,
            Supplier<List<E>> history) {
        Fold fold = new Fold(record, views, history);
        fold.expireUntil(time);
        return fold.step(null);
    }

    /**
     * Publishes what changed since the last publication: one delta per changed channel, spanning
     * from the version after the channel's last delta to the entity's version, and the snapshots
     * the {@link SnapshotPolicy} asks for, including those of channels that did not change now but
     * whose last snapshot is behind their last delta (so the compacted topic catches up even when
     * a channel falls silent, and holds every channel's final state once the entity finishes). A
     * channel whose view disappeared (a player left) gets a last delta that empties it and is
     * forgotten.
     */
    public Publication<S> publish(EntityRecord<S> record, Views<S> views, long nowMillis) {
        boolean finished = rules.isFinished(record.state());
        boolean anything = record.channels().values().stream().anyMatch(cursor -> cursor.hasChanges()
                || (behind(cursor) && snapshots.due(cursor, record.version(), nowMillis, finished)));
        if (!anything) {
            return new Publication<>(record, views, List.of(), List.of());
        }
        Views<S> current = viewsOf(record.state(), views);
        Map<String, JsonNode> viewsByName = new HashMap<>();
        current.byChannel().forEach((channel, view) -> viewsByName.put(channel.name(), view));

        List<Delta> deltas = new ArrayList<>();
        List<Snapshot> published = new ArrayList<>();
        Map<String, ChannelCursor> cursors = new HashMap<>();
        record.channels().forEach((name, cursor) -> {
            JsonNode view = viewsByName.get(name);
            long lastDelta = cursor.published();
            if (cursor.hasChanges()) {
                JsonNode target = view == null ? JsonNodeFactory.instance.objectNode() : view;
                deltas.add(new Delta(name, record.epoch(), cursor.published() + 1, record.version(),
                        ChangedFields.patchTo(cursor.changed(), target)));
                lastDelta = record.version();
            }
            if (view == null) {
                return;
            }
            ChannelCursor moved = new ChannelCursor(lastDelta, cursor.snapshotVersion(), cursor.snapshotAtMillis(),
                    ChangedFields.none().asTree());
            if (behind(moved) && snapshots.due(moved, record.version(), nowMillis, finished)) {
                published.add(new Snapshot(name, record.epoch(), record.version(), view));
                moved = new ChannelCursor(lastDelta, record.version(), nowMillis, moved.changed());
            }
            cursors.put(name, moved);
        });
        return new Publication<>(record.with(record.version(), record.state(), cursors), current, deltas, published);
    }

    /**
     * When the next snapshot falls due for a channel whose last snapshot is behind its last delta
     * and that has no change waiting (a waiting change is published, and snapshotted, with its
     * batch); empty when none is behind.
     */
    public OptionalLong nextSnapshotDue(EntityRecord<S> record) {
        return record.channels().values().stream()
                .filter(cursor -> behind(cursor) && !cursor.hasChanges())
                .mapToLong(cursor -> cursor.snapshotAtMillis() + snapshots.every().toMillis())
                .min();
    }

    /** The views of {@code state}: {@code known} when they are its own, else built (from {@code known}, when there are any). */
    private Views<S> viewsOf(S state, Views<S> known) {
        if (known != null && known.of(state)) {
            return known;
        }
        return new Views<>(state, known == null
                ? rules.views(state)
                : rules.views(state, known.state(), known.byChannel()));
    }

    private static boolean behind(ChannelCursor cursor) {
        return cursor.snapshotVersion() < cursor.published();
    }

    /**
     * What a publication produced, and the entity with its cursors moved on.
     *
     * @param views the views last built, null when the caller gave none and nothing needed them
     */
    public record Publication<S>(EntityRecord<S> record, Views<S> views, List<Delta> deltas,
            List<Snapshot> snapshots) {}

    /**
     * What came of a call.
     *
     * @param record the entity afterwards (unchanged when nothing was accepted; null if it never existed)
     * @param views the views last built (of {@code record}'s state, or of an earlier one when the
     *     rules report their changes), null when none (nothing needed them and the caller gave none)
     * @param accepted the events folded, in order: deadline events first, then the event itself
     *     unless it was rejected
     * @param changeLog one entry per accepted event
     * @param messages what the accepted events send other entities, in order
     * @param rejection why the event was rejected, null when it was accepted
     * @param stuckDeadline why a deadline that passed could not be folded (a fault in the rules),
     *     null when none; the entity stays as it was before that deadline
     */
    public record Step<S, E>(
            EntityRecord<S> record,
            Views<S> views,
            List<E> accepted,
            List<ChangeLogEntry> changeLog,
            List<Message> messages,
            String rejection,
            String stuckDeadline) {

        public boolean rejected() {
            return rejection != null;
        }
    }

    private final class Fold {
        private EntityRecord<S> record;
        private final Supplier<List<E>> storedHistory;
        private final List<E> accepted = new ArrayList<>();
        private final List<ChangeLogEntry> changeLog = new ArrayList<>();
        private final List<Message> messages = new ArrayList<>();
        private Views<S> views;
        private String stuckDeadline;

        Fold(EntityRecord<S> record, Views<S> views, Supplier<List<E>> storedHistory) {
            this.record = record;
            this.views = views;
            this.storedHistory = storedHistory;
        }

        void expireUntil(Instant time) {
            while (record != null) {
                Instant deadline = rules.deadline(record.state());
                if (deadline == null || deadline.isAfter(time)) {
                    return;
                }
                String rejection;
                try {
                    rejection = accept(rules.deadlineEvent(record.state(), deadline), null);
                } catch (RuntimeException e) {
                    rejection = failure(e);
                }
                if (rejection != null) {
                    // A fault in the rules: stopping the job over it would stop every other entity
                    // too; the caller reports it and the entity goes on without this deadline.
                    stuckDeadline = "the deadline at " + deadline + " could not be applied: " + rejection;
                    return;
                }
            }
        }

        /**
         * @return the reason for a rejection, null when accepted. A rule that throws rejects the
         *     event (with what went wrong) rather than failing the job for every entity
         */
        String accept(E event, String epochIfNew) {
            S before = record == null ? null : record.state();
            EntityRules.Decision<S> decision;
            try {
                decision = rules.apply(before, event, this::history);
            } catch (RuntimeException e) {
                return failure(e);
            }
            if (decision instanceof EntityRules.Decision.Rejected<S> rejected) {
                return rejected.reason();
            }
            S after = ((EntityRules.Decision.Accepted<S>) decision).state();
            long version = record == null ? 1 : record.version() + 1;
            List<Message> sent;
            try {
                sent = rules.messages(event, before, after, version);
            } catch (RuntimeException e) {
                return failure(e);
            }
            Map<Channel, List<FieldChange>> changed;
            try {
                changed = rules.changes(event, before, after);
            } catch (RuntimeException e) {
                return failure(e);
            }
            if (changed == null) {
                changed = diff(before, after);
            }

            String epoch = record == null ? epochIfNew : record.epoch();
            Map<String, ChannelCursor> cursors = new HashMap<>(record == null ? Map.of() : record.channels());
            List<FieldChange> publicChanges = List.of();
            for (Map.Entry<Channel, List<FieldChange>> entry : changed.entrySet()) {
                Channel channel = entry.getKey();
                List<FieldChange> changes = entry.getValue();
                // the entity's own public channel; a further one (a match's markets) is derived from the events the log shows
                if (!channel.isPrivate() && channel.part() == null) {
                    publicChanges = changes;
                }
                if (!changes.isEmpty()) {
                    ChannelCursor cursor = cursors.getOrDefault(channel.name(), ChannelCursor.fresh());
                    cursors.put(channel.name(), new ChannelCursor(cursor.published(), cursor.snapshotVersion(),
                            cursor.snapshotAtMillis(), ChangedFields.plus(cursor.changed(), changes)));
                }
            }

            record = record == null
                    ? new EntityRecord<>(epoch, version, after, cursors)
                    : record.with(version, after, cursors);
            accepted.add(event);
            changeLog.add(new ChangeLogEntry(
                    rules.kind().prefix(),
                    event.entityId(),
                    epoch,
                    version,
                    event.eventId(),
                    event.type(),
                    event.eventTime(),
                    rules.loggedEvent(event, before, after),
                    publicChanges,
                    rules.revealed(event, before, after)));
            messages.addAll(sent);
            return null;
        }

        /** Every channel's changes, from the views before and after the event (and those after are kept). */
        private Map<Channel, List<FieldChange>> diff(S before, S after) {
            Map<Channel, JsonNode> viewsBefore = before == null ? Map.of() : viewsOf(before, views).byChannel();
            Map<Channel, JsonNode> viewsAfter = rules.views(after, before, viewsBefore);
            views = new Views<>(after, viewsAfter);
            Set<Channel> channels = new HashSet<>(viewsBefore.keySet());
            channels.addAll(viewsAfter.keySet());
            Map<Channel, List<FieldChange>> changed = new HashMap<>();
            for (Channel channel : channels) {
                changed.put(channel, MergePatch.changesWithoutNulls(viewsBefore.get(channel), viewsAfter.get(channel)));
            }
            return changed;
        }

        private List<E> history() {
            if (accepted.isEmpty()) {
                return storedHistory.get();
            }
            List<E> all = new ArrayList<>(storedHistory.get());
            all.addAll(accepted);
            return all;
        }

        private String failure(RuntimeException e) {
            return "the " + rules.kind().prefix() + " rules failed on this event (" + e + ")";
        }

        Step<S, E> step(String rejection) {
            return new Step<>(record, views, List.copyOf(accepted), List.copyOf(changeLog), List.copyOf(messages), rejection,
                    stuckDeadline);
        }
    }
}
