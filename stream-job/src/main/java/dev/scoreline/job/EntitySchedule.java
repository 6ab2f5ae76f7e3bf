package dev.scoreline.job;

/**
 * What an entity has pending and scheduled, as the keyed state holds it: one value per entity
 * (the batch's event count, the last activity and every timer), written in one state-backend
 * write with the entity's record. Serialized by Flink's own POJO serializer (a record; fields may
 * be added, with their defaults for older state).
 *
 * @param pendingEvents events accepted since the last publication
 * @param lastActivity processing time of the last accepted event, null before the first
 * @param flushAt the pending batch's timer, null when none; likewise the others
 */
public record EntitySchedule(long pendingEvents, Long lastActivity, Long flushAt, Long snapshotAt, Long deadlineAt,
        Long tickAt, Long cleanupAt) {

    static EntitySchedule of(EntitySlot<?, ?> slot) {
        return new EntitySchedule(slot.pendingEvents, slot.lastActivity, slot.flushAt, slot.snapshotAt, slot.deadlineAt,
                slot.tickAt, slot.cleanupAt);
    }

    void into(EntitySlot<?, ?> slot) {
        slot.pendingEvents = pendingEvents;
        slot.lastActivity = lastActivity;
        slot.flushAt = flushAt;
        slot.snapshotAt = snapshotAt;
        slot.deadlineAt = deadlineAt;
        slot.tickAt = tickAt;
        slot.cleanupAt = cleanupAt;
    }

    boolean isEmpty() {
        return pendingEvents == 0 && lastActivity == null && flushAt == null && snapshotAt == null && deadlineAt == null
                && tickAt == null && cleanupAt == null;
    }
}
