package dev.scoreline.job;

import dev.scoreline.entity.SnapshotPolicy;
import java.io.Serializable;
import java.time.Duration;

/**
 * How the keyed function batches, snapshots and forgets.
 *
 * @param batchInterval the least time between two publications of an entity (its changes gather
 *     meanwhile into one delta per channel)
 * @param batchMaxEvents flush sooner once this many events are waiting
 * @param dedupRetention how long an event id is remembered to drop a redelivered event; a
 *     redelivery after a restore comes within one checkpoint interval, so hours are plenty
 * @param idleTimeout an entity without events for this long is removed from state
 * @param finishedRetention a finished entity (completed match, closed table) is removed this long
 *     after it finished; its last snapshot stays on the compacted topic
 * @param entitiesInMemory how many entities each task instance keeps deserialized between
 *     checkpoints (the least recently used is written to the state backend and let go beyond it)
 */
public record StateTuning(
        Duration batchInterval,
        int batchMaxEvents,
        SnapshotPolicy snapshots,
        Duration dedupRetention,
        Duration idleTimeout,
        Duration finishedRetention,
        int entitiesInMemory)
        implements Serializable {

    public static StateTuning defaults() {
        return new StateTuning(Duration.ofMillis(100), 50, SnapshotPolicy.DEFAULT,
                Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(1), 1024);
    }

    public StateTuning {
        if (batchInterval.isNegative() || batchMaxEvents < 1) {
            throw new IllegalArgumentException("batch interval must be >= 0 and max events >= 1");
        }
        if (entitiesInMemory < 1) {
            throw new IllegalArgumentException("entities in memory must be >= 1");
        }
    }
}
