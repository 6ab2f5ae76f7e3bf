package dev.scoreline.job;

/**
 * A record for an output topic, already encoded: every output of the job (deltas, snapshots,
 * change log, dead letters) is written once here and goes through one Kafka sink.
 *
 * @param timestamp the Kafka record's timestamp: always processing time. Kafka's time retention
 *     goes by it, so an event time (a replayed match of 2017) would have the change log deleted as
 *     soon as it is written; the gateway measures delta age from it. Event times are in the values.
 * @param player for a private channel's record, the player whose partition it goes to
 *     ({@link dev.scoreline.delta.Channel#privatePartition}); null: the key's hash decides
 */
public record Outgoing(String topic, String key, byte[] value, long timestamp, String player) {

    public Outgoing(String topic, String key, byte[] value, long timestamp) {
        this(topic, key, value, timestamp, null);
    }
}
