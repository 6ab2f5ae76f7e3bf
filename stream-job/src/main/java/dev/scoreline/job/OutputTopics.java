package dev.scoreline.job;

import dev.scoreline.topic.Topic;
import java.io.Serializable;

/**
 * Where the job writes: its outputs (a private channel's deltas and snapshots to their own topics,
 * which only the gateway serving its player reads), and the input topics through which one entity sends events to
 * another ({@link dev.scoreline.entity.Message}).
 */
public record OutputTopics(String deltas, String snapshots, String changeLog, String deadLetters, String verdicts,
        String tickerEvents, String tableEvents, String walletEvents, String matchEvents, String privateDeltas,
        String privateSnapshots) implements Serializable {

    public static OutputTopics defaults() {
        return new OutputTopics(
                Topic.STATE_DELTAS.defaultName(),
                Topic.STATE_SNAPSHOTS.defaultName(),
                Topic.STATE_CHANGELOG.defaultName(),
                Topic.DEAD_LETTERS.defaultName(),
                Topic.VERDICTS.defaultName(),
                Topic.TICKER_EVENTS.defaultName(),
                Topic.TABLE_EVENTS.defaultName(),
                Topic.WALLET_EVENTS.defaultName(),
                Topic.MATCH_EVENTS.defaultName(),
                Topic.PRIVATE_DELTAS.defaultName(),
                Topic.PRIVATE_SNAPSHOTS.defaultName());
    }

    /** The name under which this job reads {@code topic}, for a message sent to an entity that reads it. */
    public String messagesTo(Topic topic) {
        return switch (topic) {
            case TICKER_EVENTS -> tickerEvents;
            case TABLE_EVENTS -> tableEvents;
            case WALLET_EVENTS -> walletEvents;
            case MATCH_EVENTS -> matchEvents;
            default -> throw new IllegalArgumentException("no entity receives messages on " + topic.defaultName());
        };
    }
}
