package dev.scoreline.gateway.channel;

import dev.scoreline.gateway.wire.Frame;

/**
 * What one record from Kafka did to a channel.
 *
 * @param frame what every subscriber must receive because of it, or null when nothing changed
 *     for them
 */
public record Change(Outcome outcome, Frame frame) {

    public enum Outcome {
        /** The first state of a channel, or a new epoch: subscribers get a snapshot. */
        RESET("reset"),
        /** A delta applied: subscribers get it. */
        APPLIED("applied"),
        /** A snapshot ahead of the state in the same epoch: subscribers get the bridging delta. */
        BRIDGED("bridged"),
        /** Already covered by the state. */
        STALE("stale"),
        /** Versions are missing before this delta: the state is kept, a snapshot awaited. */
        GAP("gap"),
        /** A delta of an epoch that cannot be started from it: that epoch's snapshot is awaited. */
        AWAITING_EPOCH("awaiting-epoch"),
        /** During warm-up, a delta of an epoch older than the snapshot the state came from. */
        OLD_EPOCH("old-epoch");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** The metric label. */
        public String label() {
            return label;
        }
    }

    static Change of(Outcome outcome) {
        return new Change(outcome, null);
    }
}
