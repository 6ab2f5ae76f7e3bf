package dev.scoreline.job;

/**
 * A record for an output topic, already encoded: every output of the job (deltas, snapshots,
 * change log, dead letters) is written once here and goes through one Kafka sink.
 *
 * @param timestamp the Kafka record's timestamp: always processing time. Kafka's time retention
 *     goes by it, so an event time (a replayed match of 2017) would have the change log deleted as
 *     soon as it is written; the gateway measures delta age from it. Event times are in the values.
 */
public record Outgoing(String topic, String key, byte[] value, long timestamp) {}
