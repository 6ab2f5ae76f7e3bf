package dev.scoreline.job;

import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity's keyed state as {@link EntityStateFunction} has it at hand between its events: the
 * values last read from (or meant for) the state backend, and what has not been written there yet.
 * Mutable and never serialized: it lives only in one task instance, and what it holds reaches the
 * state backend before any checkpoint (see {@link EntityStateOperator}).
 */
final class EntitySlot<S, E> {

    EntityRecord<S> record;

    /**
     * The views last built for {@link #record} (of its state, or of an earlier one for rules that
     * report their changes), null until built: views are the costly part of an event, and those
     * the last event built are the next event's "before" and the publication's content. Memory
     * only, like the slot: a record read back from the state backend builds them again on its next
     * use.
     */
    Views<S> views;
    long pendingEvents;
    Long lastActivity;
    Long flushAt;
    Long snapshotAt;
    Long deadlineAt;
    /** Processing time at which the entity's next deadline is sent as a clock tick, null when none is due. */
    Long tickAt;
    Long cleanupAt;

    /**
     * Processing time of the entity's last publication, null when unknown: kept in memory only,
     * as it just spaces publications (an entity read back from the state backend may publish at
     * once).
     */
    Long publishedAt;

    /** Accepted events not yet appended to the stored history. */
    final List<E> newHistory = new ArrayList<>();

    /** Event ids accepted (with their versions) not yet added to the stored seen ids. */
    final Map<String, Long> newSeen = new HashMap<>();

    /** Players' actions refused (with the reasons) not yet added to the stored refusals. */
    final Map<String, String> newRefused = new HashMap<>();

    /** Whether the schedule was read from the one-state-per-field form of earlier releases, to be cleared. */
    boolean legacySchedule;

    /** Whether anything above differs from the state backend. */
    boolean dirty;
}
