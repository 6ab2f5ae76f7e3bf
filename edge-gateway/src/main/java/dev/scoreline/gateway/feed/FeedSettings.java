package dev.scoreline.gateway.feed;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Where the feed reads from.
 *
 * @param partitions the partitions to read of both topics (a shard of the channels, for a fleet of
 *     sharded gateways; both topics are keyed by channel and must have as many partitions), or
 *     empty for all of them
 * @param kafkaProperties extra consumer settings, Kafka's names, applied last
 */
public record FeedSettings(
        String bootstrapServers,
        String snapshotTopic,
        String deltaTopic,
        Set<Integer> partitions,
        Duration pollTimeout,
        String clientId,
        Map<String, String> kafkaProperties) {

    public FeedSettings {
        partitions = Set.copyOf(partitions);
        kafkaProperties = Map.copyOf(kafkaProperties);
    }
}
