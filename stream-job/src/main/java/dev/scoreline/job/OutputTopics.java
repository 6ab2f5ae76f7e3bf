package dev.scoreline.job;

import dev.scoreline.topic.Topic;
import java.io.Serializable;

/** Where the job writes. */
public record OutputTopics(String deltas, String snapshots, String changeLog, String deadLetters)
        implements Serializable {

    public static OutputTopics defaults() {
        return new OutputTopics(
                Topic.STATE_DELTAS.defaultName(),
                Topic.STATE_SNAPSHOTS.defaultName(),
                Topic.STATE_CHANGELOG.defaultName(),
                Topic.DEAD_LETTERS.defaultName());
    }
}
