package dev.scoreline.cluster;

import dev.scoreline.cluster.kafka.ReplicatedTopics;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Clients that read the job's output straight from Kafka (what a gateway reads), one
 * {@link ChannelView} per channel, on a thread of their own so that arrival times are real.
 */
final class KafkaClients implements AutoCloseable {

    private final Map<String, ChannelView> channels = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile RuntimeException failure;

    KafkaClients(String bootstrap) {
        KafkaConsumer<String, String> consumer = Kafka.consumer(bootstrap);
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic topic : List.of(Topic.STATE_SNAPSHOTS, Topic.STATE_DELTAS, Topic.PRIVATE_SNAPSHOTS,
                Topic.PRIVATE_DELTAS)) {
            consumer.partitionsFor(topic.defaultName(), Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        ChannelView client = channel(r.key());
                        if (r.topic().equals(Topic.STATE_SNAPSHOTS.defaultName())
                                || r.topic().equals(Topic.PRIVATE_SNAPSHOTS.defaultName())) {
                            client.snapshot(Json.read(r.value(), Snapshot.class));
                        } else {
                            client.delta(now, Json.read(r.value(), Delta.class));
                        }
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }, "kafka-clients");
        thread.setDaemon(true);
        thread.start();
    }

    ChannelView channel(String channel) {
        if (failure != null) {
            throw failure;
        }
        return channels.computeIfAbsent(channel, ChannelView::new);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
    }

    /** The broker that leads the partition of {@code topic} that records keyed {@code key} go to. */
    static int leaderOf(String bootstrap, String topic, String key) throws Exception {
        try (Admin admin = ReplicatedTopics.admin(bootstrap)) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % d.partitions().size();
            return d.partitions().get(partition).leader().id();
        }
    }
}
