package dev.scoreline.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A batch of changes to one channel, on the {@code state-deltas} topic: the JSON Merge Patch
 * (RFC 7386) that takes any state of the channel at a version {@code v} with
 * {@code from - 1 <= v <= to} to the state at {@code to}. It names every field that changed in
 * between, with its value at {@code to}, so overlapping or replayed deltas are harmless.
 */
public record Delta(String channel, String epoch, long from, long to, ObjectNode patch) {

    public Delta {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("a delta spans versions from <= to, from >= 1: " + from + ".." + to);
        }
    }

    /** How this delta relates to a holder of {@code (epoch, version)} of the same channel. */
    public Fit fit(String holderEpoch, long holderVersion) {
        if (!epoch.equals(holderEpoch)) {
            return Fit.NEW_EPOCH;
        }
        if (to <= holderVersion) {
            return Fit.STALE;
        }
        if (from - 1 <= holderVersion) {
            return Fit.APPLIES;
        }
        return Fit.GAP;
    }

    public enum Fit {
        /** Already covered: ignore it. */
        STALE,
        /** Apply it: the result is the state at {@code to}. */
        APPLIES,
        /** Versions are missing in between: resynchronise from a snapshot. */
        GAP,
        /** The state was rebuilt: versions are not comparable; take a fresh snapshot. */
        NEW_EPOCH
    }
}
