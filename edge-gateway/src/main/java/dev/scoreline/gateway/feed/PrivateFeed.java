package dev.scoreline.gateway.feed;

import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.Connection;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that follows the private channels (seats, wallets) of the players this gateway
 * serves. The gateways are one consumer group on {@code private-deltas}: Kafka gives each gateway
 * some of its partitions (cooperatively: a rebalance moves only what it must) and so some of the
 * players, all of whose private channels the job writes to one partition.
 *
 * <p>On a partition given: its snapshots are read from {@code private-snapshots} (the same
 * partition) up to their end, then its deltas of the last moments ({@link Settings#replay}): the
 * older ones are in the snapshots; both are followed from there; only then does the gateway
 * serve its players. On a partition
 * taken away (another gateway joined, or this one is leaving): its channels are dropped and every
 * connection that followed one is closed as {@link CloseReason#MOVED}, so that its client asks
 * where to go and resumes there by version. No offsets are committed: a gateway always reads a
 * partition's state from the topics.
 */
public final class PrivateFeed extends FeedThread {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFeed.class);

    /** What the feed reads and as whom. */
    /**
     * @param replay how far back a partition taken over has its deltas read: the job snapshots a
     *     channel at least every {@code --snapshot-interval} (30 s) after it changed, so older deltas
     *     are in the snapshots; a gap left anyway waits for the channel's next snapshot
     */
    public record Settings(String bootstrapServers, String snapshotTopic, String deltaTopic, String group,
            Duration pollTimeout, Duration replay, Map<String, String> kafkaProperties) {
        public Settings {
            kafkaProperties = Map.copyOf(kafkaProperties);
        }
    }

    private final Settings settings;
    private final PrivateShards shards;
    private final Hubs hubs;
    /** Per partition, the offset below which its deltas are the recent past, read to warm up. */
    private final Map<Integer, Long> warmUntil = new HashMap<>();
    private KafkaConsumer<byte[], byte[]> snapshots;

    public PrivateFeed(Settings settings, PrivateShards shards, Hubs hubs, GatewayMetrics metrics) {
        super("gateway-private-feed", LOG, metrics);
        this.settings = settings;
        this.shards = shards;
        this.hubs = hubs;
    }

    /** Ready once the group gave this gateway its first share (perhaps none) and it read it. */
    @Override
    protected void follow() {
        // the group's consumer is closed first: leaving the group revokes its partitions, which
        // unfollows their snapshots
        try (KafkaConsumer<byte[], byte[]> snapshotReader = new KafkaConsumer<>(readerProperties());
                KafkaConsumer<byte[], byte[]> group = new KafkaConsumer<>(groupProperties())) {
            wakes(group);
            snapshots = snapshotReader;
            List<PartitionInfo> deltaPartitions = Consumers.partitionsOnceThere(group, settings.deltaTopic(), () -> running, LOG);
            List<PartitionInfo> snapshotPartitions =
                    Consumers.partitionsOnceThere(snapshotReader, settings.snapshotTopic(), () -> running, LOG);
            if (!running) {
                return;
            }
            if (deltaPartitions.size() != snapshotPartitions.size()) {
                throw new IllegalStateException(settings.deltaTopic() + " has " + deltaPartitions.size() + " partitions and "
                        + settings.snapshotTopic() + " " + snapshotPartitions.size() + ": both must have as many, "
                        + "each player's channels are in the same partition of both");
            }
            shards.partitions(deltaPartitions.size());
            group.subscribe(List.of(settings.deltaTopic()), new Rebalance(group));
            while (running) {
                try {
                    try (Hubs.Batch batch = hubs.batch()) {
                        for (ConsumerRecord<byte[], byte[]> record : group.poll(settings.pollTimeout())) {
                            apply(record, batch);
                        }
                    }
                    recordLag(group);
                    if (!snapshotReader.assignment().isEmpty()) {
                        for (ConsumerRecord<byte[], byte[]> record : snapshotReader.poll(Duration.ZERO)) {
                            applySnapshot(record);
                        }
                    }
                } catch (RetriableException e) {
                    LOG.warn("poll failed, retrying: {}", e.toString());
                }
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, Hubs.Batch batch) {
        Delta delta = decode(record, KafkaFeed::readDelta);
        if (delta != null) {
            boolean warmingUp = record.offset() < warmUntil.getOrDefault(record.partition(), 0L);
            counted(record, batch.apply(delta, record.timestamp(), warmingUp));
        }
    }

    /**
     * Reads the partitions' snapshots up to their end, before any of their deltas, and follows them
     * from there on (the job snapshots a channel now and then) beside the partitions already read.
     */
    private void loadSnapshots(Collection<Integer> parts) {
        List<TopicPartition> added = parts.stream().map(p -> new TopicPartition(settings.snapshotTopic(), p)).toList();
        Set<TopicPartition> all = new HashSet<>(snapshots.assignment());
        all.addAll(added);
        snapshots.assign(all);
        snapshots.seekToBeginning(added);
        Map<TopicPartition, Long> ends = snapshots.endOffsets(added, Duration.ofSeconds(30));
        while (running && added.stream().anyMatch(tp -> snapshots.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> record : snapshots.poll(settings.pollTimeout())) {
                applySnapshot(record);
            }
        }
    }

    private void unfollowSnapshots(Collection<Integer> parts) {
        Set<TopicPartition> all = new HashSet<>(snapshots.assignment());
        parts.forEach(p -> all.remove(new TopicPartition(settings.snapshotTopic(), p)));
        snapshots.assign(all);
    }

    private void applySnapshot(ConsumerRecord<byte[], byte[]> record) {
        Snapshot snapshot = decode(record, KafkaFeed::readSnapshot);
        if (snapshot != null) {
            counted(record, hubs.apply(snapshot, !shards.servesPartition(record.partition())));
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> group;

        Rebalance(KafkaConsumer<byte[], byte[]> group) {
            this.group = group;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<Integer> parts = partitions.stream().map(TopicPartition::partition).toList();
            if (!parts.isEmpty()) {
                loadSnapshots(parts);
                Map<TopicPartition, Long> ends = group.endOffsets(partitions, Duration.ofSeconds(30));
                ends.forEach((tp, end) -> warmUntil.put(tp.partition(), end));
                long since = System.currentTimeMillis() - settings.replay().toMillis();
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(tp -> times.put(tp, since));
                Map<TopicPartition, OffsetAndTimestamp> from = group.offsetsForTimes(times, Duration.ofSeconds(30));
                for (TopicPartition tp : partitions) {
                    OffsetAndTimestamp at = from.get(tp);
                    group.seek(tp, at == null ? ends.get(tp) : at.offset());
                }
                shards.assigned(parts);
                LOG.info("serving the players of {} partitions {} more: {}", settings.deltaTopic(), parts,
                        shards.ownedPartitions());
            }
            ready();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            drop(partitions, "moved: this gateway no longer serves the player (gateways joined or left); "
                    + "GET /v1/route for the one that does");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions, "moved: this gateway lost the player's partition; GET /v1/route for the one that serves it");
        }

        private void drop(Collection<TopicPartition> partitions, String why) {
            if (partitions.isEmpty()) {
                return;
            }
            List<Integer> parts = new ArrayList<>(partitions.stream().map(TopicPartition::partition).toList());
            shards.revoked(parts);
            parts.forEach(warmUntil::remove);
            unfollowSnapshots(parts);
            List<Connection> moved = hubs.drop(channel -> shards.inAny(channel, parts));
            moved.forEach(c -> c.close(CloseReason.MOVED, why));
            LOG.info("no longer serving the players of {} partitions {}: {} connections moved", settings.deltaTopic(), parts,
                    moved.size());
        }
    }

    private Properties groupProperties() {
        Properties p = consumerProperties(settings.bootstrapServers(), shards.self());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        p.putAll(settings.kafkaProperties());
        return p;
    }

    private Properties readerProperties() {
        Properties p = consumerProperties(settings.bootstrapServers(), "scoreline-gateway-private-snapshots");
        p.putAll(settings.kafkaProperties());
        return p;
    }
}
