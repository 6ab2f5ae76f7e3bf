package dev.scoreline.job;

/** Where a job without a checkpoint starts reading its input topics. */
public enum StartingOffsets {
    /** The consumer group's committed offsets, or the earliest where the group has none. */
    COMMITTED,
    EARLIEST,
    LATEST
}
