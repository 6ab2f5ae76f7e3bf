/**
 * The one thread that reads {@code state-snapshots} and {@code state-deltas} ({@link
 * dev.scoreline.gateway.feed.KafkaFeed}): warm-up from the compacted snapshots and the recent
 * deltas before the gateway reports ready, then both topics live, without a consumer group, since
 * every gateway reads everything it serves (or the shard of partitions it was given).
 *
 * <p>The only Kafka code of the gateway. It hands records to the channels and never writes to a
 * client itself, so no client can hold it up.
 */
package dev.scoreline.gateway.feed;
