package dev.scoreline.entity;

import java.time.Duration;

/**
 * When a channel's whole state goes to the compacted snapshot topic, besides its deltas: on its
 * first publication, then every {@code everyVersions} versions or {@code every} of processing
 * time, whichever comes first, and when the entity finishes. A gateway that starts late reads the
 * latest snapshot of each channel and the deltas after it, so the interval bounds how far back it
 * needs deltas; publishing the whole state on every flush would multiply the bytes every gateway
 * reads for nothing.
 */
public record SnapshotPolicy(long everyVersions, Duration every) implements java.io.Serializable {

    public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(100, Duration.ofSeconds(30));

    public SnapshotPolicy {
        if (everyVersions < 1 || every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("snapshot policy needs everyVersions >= 1 and a positive interval");
        }
    }

    boolean due(ChannelCursor cursor, long version, long nowMillis, boolean finished) {
        return cursor.snapshotVersion() == 0
                || finished
                || version - cursor.snapshotVersion() >= everyVersions
                || nowMillis - cursor.snapshotAtMillis() >= every.toMillis();
    }
}
