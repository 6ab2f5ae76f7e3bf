package dev.scoreline.job;

/**
 * A record for an output topic, already encoded: every output of the job (deltas, snapshots,
 * change log, dead letters) is written once here and goes through one Kafka sink.
 *
 * @param timestamp the Kafka record's timestamp: processing time for deltas and snapshots (the
 *     gateway measures delta age from it), event time for the change log
 */
public record Outgoing(String topic, String key, byte[] value, long timestamp) {}
