package dev.scoreline.job;

import dev.scoreline.deadletter.DeadLetter;

/**
 * One input record after decoding: either an event or, for a record that is not one, its dead
 * letter. Decoding never fails the source: one bad record must not stop a match or the job.
 */
public record Incoming<E>(Sourced<E> event, DeadLetter deadLetter) {

    public static <E> Incoming<E> of(Sourced<E> event) {
        return new Incoming<>(event, null);
    }

    public static <E> Incoming<E> rejected(DeadLetter deadLetter) {
        return new Incoming<>(null, deadLetter);
    }
}
