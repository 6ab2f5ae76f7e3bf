package dev.scoreline.topic;

import java.time.Duration;
import java.util.Map;

/**
 * The project's Kafka topics with their default names and the settings they are created with.
 * Every name can be overridden where a topic is used; these defaults are what the local mode,
 * the tests and the deployment files create.
 */
public enum Topic {
    /**
     * A match's feed and its players' bets (written by their wallets), keyed by the match: one
     * partition orders every ball and every bet of a match. Stamped by the broker's clock: a bet
     * takes the time its match's log got it as its event time, which the bet delay compares with
     * the ball's.
     */
    MATCH_EVENTS("match-events", Map.of("message.timestamp.type", "LogAppendTime")),
    /**
     * Stamped by the broker's clock: a player's action takes its Kafka timestamp as its event time,
     * so a move is in time when Kafka has it before the turn's deadline, whatever the gateway's clock.
     */
    TABLE_EVENTS("table-events", Map.of("message.timestamp.type", "LogAppendTime")),
    /**
     * The wallets' input, keyed by the player: the game backend's credits and debits, players'
     * sits and bets (the first hop of a buy-in or a stake, from a gateway) and the tables' and
     * matches' answers and settlements (from the job).
     */
    WALLET_EVENTS("wallet-events", Map.of()),
    /**
     * The ticker's input: one line per change of a match's score, written by the job itself (the
     * match rules) and keyed by the one ticker, so only one partition is ever used.
     */
    TICKER_EVENTS("ticker-events", Map.of()),
    /** Short retention: a delta is only needed until a newer snapshot covers it. */
    STATE_DELTAS("state-deltas", Map.of(
            "retention.ms", Long.toString(Duration.ofHours(6).toMillis()),
            "cleanup.policy", "delete")),
    /** Compacted: the latest snapshot of each channel stays, however old. */
    STATE_SNAPSHOTS("state-snapshots", Map.of(
            "cleanup.policy", "compact",
            "min.compaction.lag.ms", Long.toString(Duration.ofMinutes(1).toMillis()),
            "segment.ms", Long.toString(Duration.ofHours(1).toMillis()))),
    /**
     * The deltas of private channels (a seat, a wallet), partitioned by their player
     * ({@link dev.scoreline.delta.Channel#privatePartition}) and keyed by channel. The gateways
     * share its partitions as one consumer group: each reads only the players it serves.
     */
    PRIVATE_DELTAS("private-deltas", STATE_DELTAS.config),
    /**
     * The snapshots of private channels, compacted, partitioned as {@link #PRIVATE_DELTAS} (both
     * topics must have as many partitions): a gateway taking over a partition reads its snapshots.
     */
    PRIVATE_SNAPSHOTS("private-snapshots", STATE_SNAPSHOTS.config),
    /** The event log analysts rebuild from: kept a week by default. */
    STATE_CHANGELOG("state-changelog", Map.of(
            "retention.ms", Long.toString(Duration.ofDays(7).toMillis()))),
    /**
     * The job's answer to each player action, keyed by the player; every gateway reads it all and
     * hands each verdict to that player's connections. Only needed for moments: a client that missed
     * one retries its action and the job answers again.
     */
    VERDICTS("verdicts", Map.of(
            "retention.ms", Long.toString(Duration.ofHours(1).toMillis()))),
    DEAD_LETTERS("dead-letters", Map.of(
            "retention.ms", Long.toString(Duration.ofDays(7).toMillis())));

    private final String defaultName;
    private final Map<String, String> config;

    Topic(String defaultName, Map<String, String> config) {
        this.defaultName = defaultName;
        this.config = config;
    }

    public String defaultName() {
        return defaultName;
    }

    /** Topic-level settings to create it with, beyond partitions and replication. */
    public Map<String, String> config() {
        return config;
    }
}
