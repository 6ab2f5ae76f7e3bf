package dev.scoreline.gateway.feed;

import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that reads {@code state-snapshots} and {@code state-deltas} (the public channels,
 * which every gateway serves; the private ones come through {@link PrivateFeed}) and applies them
 * to the channels, which fan out what changed. It only ever queues frames for clients, so no client
 * can slow it down.
 *
 * <p>Warm-up, before the gateway reports ready: the snapshot topic is read from its start to the
 * end it had when the gateway started, then the delta topic likewise (its retention is short, so
 * this is the recent past), both without a consumer group: every gateway reads everything it
 * serves. Then both are followed live.
 */
public final class KafkaFeed extends FeedThread {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final FeedSettings settings;
    private final Hubs hubs;
    private final GatewayMetrics metrics;

    public KafkaFeed(FeedSettings settings, Hubs hubs, GatewayMetrics metrics) {
        super("gateway-feed", LOG, metrics);
        this.settings = settings;
        this.hubs = hubs;
        this.metrics = metrics;
    }

    /** Ready once both topics have been read up to where they ended when the feed started. */
    @Override
    protected void follow() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties())) {
            wakes(c);
            List<TopicPartition> snapshots = partitions(c, settings.snapshotTopic());
            List<TopicPartition> deltas = partitions(c, settings.deltaTopic());
            if (!running) {
                return;
            }
            c.assign(snapshots);
            c.seekToBeginning(snapshots);
            readUpTo(c, endOffsets(c, snapshots));
            List<TopicPartition> all = new ArrayList<>(snapshots);
            all.addAll(deltas);
            c.assign(all);
            c.seekToBeginning(deltas);
            readUpTo(c, endOffsets(c, deltas));
            if (!running) {
                return;
            }
            ready();
            metrics.ready(true);
            LOG.info("feed ready: {} channels from {} and {}", hubs.knownChannels(),
                    settings.snapshotTopic(), settings.deltaTopic());
            while (running) {
                pollOnce(c, false);
            }
        }
    }

    private void readUpTo(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> ends) {
        while (running && !caughtUp(c, ends)) {
            pollOnce(c, true);
        }
    }

    private boolean caughtUp(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> ends) {
        try {
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (c.position(end.getKey(), RETRY) < end.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> c, boolean warmingUp) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = c.poll(settings.pollTimeout());
        } catch (RetriableException e) {
            LOG.warn("poll failed, retrying: {}", e.toString());
            return;
        }
        try (Hubs.Batch batch = hubs.batch()) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                apply(record, warmingUp, batch);
            }
        }
        recordLag(c);
    }

    private void apply(ConsumerRecord<byte[], byte[]> record, boolean warmingUp, Hubs.Batch batch) {
        if (record.topic().equals(settings.snapshotTopic())) {
            Snapshot snapshot = decode(record, KafkaFeed::readSnapshot);
            if (snapshot != null) {
                counted(record, batch.apply(snapshot, warmingUp));
            }
        } else {
            Delta delta = decode(record, KafkaFeed::readDelta);
            if (delta != null) {
                counted(record, batch.apply(delta, record.timestamp(), warmingUp));
            }
        }
    }

    static Snapshot readSnapshot(byte[] value) {
        Snapshot s = Json.read(value, Snapshot.class);
        Channel.parse(s.channel());
        requireEpoch(s.epoch());
        if (s.version() < 1) {
            throw new IllegalArgumentException("snapshot version must be >= 1: " + s.version());
        }
        if (s.state() == null || !s.state().isObject()) {
            throw new IllegalArgumentException("snapshot state must be a JSON object");
        }
        return s;
    }

    static Delta readDelta(byte[] value) {
        Delta d = Json.read(value, Delta.class);
        Channel.parse(d.channel());
        requireEpoch(d.epoch());
        if (d.patch() == null) {
            throw new IllegalArgumentException("delta without a patch object");
        }
        return d;
    }

    /** What keeps the SSE event ids unambiguous. */
    private static void requireEpoch(String epoch) {
        if (!Channel.isIdentifier(epoch)) {
            throw new IllegalArgumentException("not an epoch: " + epoch);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<PartitionInfo> infos = Consumers.partitionsOnceThere(c, topic, () -> running, LOG);
        List<TopicPartition> out = new ArrayList<>();
        for (PartitionInfo info : infos) {
            if (settings.partitions().isEmpty() || settings.partitions().contains(info.partition())) {
                out.add(new TopicPartition(topic, info.partition()));
            }
        }
        for (int p : settings.partitions()) {
            if (!infos.isEmpty() && (p < 0 || p >= infos.size())) {
                LOG.warn("topic {} has no partition {} (it has {})", topic, p, infos.size());
            }
        }
        return out;
    }

    private Map<TopicPartition, Long> endOffsets(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions) {
        while (running) {
            try {
                return c.endOffsets(partitions, Duration.ofSeconds(10));
            } catch (TimeoutException e) {
                LOG.warn("end offsets of {} not available yet: {}", partitions, e.getMessage());
            }
        }
        return Map.of();
    }

    private Properties consumerProperties() {
        Properties p = consumerProperties(settings.bootstrapServers(), settings.clientId());
        p.putAll(settings.kafkaProperties());
        return p;
    }
}
