package dev.scoreline.gateway.act;

import dev.scoreline.action.Verdict;
import dev.scoreline.gateway.feed.Consumers;
import dev.scoreline.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that follows the {@code verdicts} topic from its end at start: every gateway reads
 * every verdict (without a consumer group) and keeps those of its own players. A verdict decided
 * before the gateway started concerns a client that was connected elsewhere; it retries its action
 * here and the job answers again.
 */
public final class VerdictFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictFeed.class);
    private final String bootstrapServers;
    private final String topic;
    private final Map<String, String> extra;
    private final Verdicts verdicts;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public VerdictFeed(String bootstrapServers, String topic, Map<String, String> extra, Verdicts verdicts) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.extra = Map.copyOf(extra);
        this.verdicts = verdicts;
        this.thread = new Thread(this::run, "gateway-verdicts");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once the feed is positioned at the topic's end: a move taken now will find its verdict. */
    public boolean isReady() {
        return ready.getCount() == 0;
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(properties())) {
            consumer = c;
            List<TopicPartition> partitions = partitions(c);
            if (!running) {
                return;
            }
            c.assign(partitions);
            c.seekToEnd(partitions);
            for (TopicPartition tp : partitions) {
                c.position(tp);
            }
            ready.countDown();
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : c.poll(Duration.ofMillis(100))) {
                        deliver(record);
                    }
                } catch (RetriableException e) {
                    LOG.warn("verdicts poll failed, retrying: {}", e.toString());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("verdict feed woken up while running", e);
            }
        } catch (RuntimeException e) {
            LOG.error("verdict feed stopped: players on this gateway get no more verdicts", e);
        }
    }

    private void deliver(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Verdict verdict;
        try {
            verdict = Json.read(record.value(), Verdict.class);
        } catch (RuntimeException e) {
            LOG.warn("not a verdict at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        if (verdict.playerId() != null && verdict.eventId() != null) {
            verdicts.deliver(verdict);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> out = new ArrayList<>();
        Consumers.partitionsOnceThere(c, topic, () -> running, LOG)
                .forEach(i -> out.add(new TopicPartition(topic, i.partition())));
        return out;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(extra);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "scoreline-gateway-verdicts");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return p;
    }

    @Override
    public void close() {
        running = false;
        Consumers.stop(consumer, thread);
    }
}
