package dev.scoreline.gateway.feed;

import dev.scoreline.gateway.channel.Change;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.gateway.metrics.GatewayMetrics.PartitionLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;

/**
 * What both feeds share: one daemon thread that follows Kafka, when it is ready, how far behind it
 * is, and how it stops; a feed that fails reports the gateway not ready rather than serve a state
 * that no longer moves.
 */
abstract class FeedThread implements AutoCloseable {

    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Logger log;
    private final GatewayMetrics metrics;
    private volatile boolean failed;
    private volatile List<PartitionLag> lag = List.of();
    private long rejected;
    /** The consumer woken when the feed is told to stop. */
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    protected volatile boolean running = true;

    FeedThread(String name, Logger log, GatewayMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /** Follows Kafka until {@link #running} turns false; {@link #ready()} once caught up. */
    protected abstract void follow();

    public void start() {
        thread.start();
    }

    /** True once the feed has caught up as its kind defines it, and for as long as it keeps running. */
    public boolean isReady() {
        return ready.getCount() == 0 && !failed;
    }

    /** Waits until {@link #isReady()}; returns false on time-out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records between the feed and the end of each partition it reads, as of its last poll. */
    public List<PartitionLag> lag() {
        return lag;
    }

    @Override
    public void close() {
        running = false;
        Consumers.stop(consumer, thread);
    }

    /**
     * The record's value as {@code reader} reads it, or null for a tombstone or a value that is not
     * one (counted, and logged the first times and then every thousandth).
     */
    protected <T> T decode(ConsumerRecord<byte[], byte[]> record, Function<byte[], T> reader) {
        if (record.value() == null) {
            metrics.feedRecord(record.topic(), "tombstone");
            return null;
        }
        try {
            return reader.apply(record.value());
        } catch (RuntimeException e) {
            metrics.feedRecord(record.topic(), "rejected");
            if (++rejected <= 20 || rejected % 1000 == 0) {
                log.warn("rejected record {}-{}@{} ({} so far): {}", record.topic(), record.partition(), record.offset(),
                        rejected, e.getMessage());
            }
            return null;
        }
    }

    /** Counts what a record did to its channel, and its bytes. */
    protected void counted(ConsumerRecord<byte[], byte[]> record, Change change) {
        metrics.feedRecord(record.topic(), change.outcome().label());
        metrics.feedBytes(record.topic(), record.serializedValueSize());
    }

    protected void ready() {
        ready.countDown();
    }

    protected void wakes(KafkaConsumer<byte[], byte[]> c) {
        consumer = c;
    }

    protected void recordLag(KafkaConsumer<byte[], byte[]> c) {
        List<PartitionLag> now = new ArrayList<>();
        for (TopicPartition tp : c.assignment()) {
            OptionalLong l = c.currentLag(tp);
            if (l.isPresent()) {
                now.add(new PartitionLag(tp.topic(), tp.partition(), l.getAsLong()));
            }
        }
        lag = List.copyOf(now);
    }

    /** The settings every consumer of a gateway's feeds starts from: bytes in, no commits, no topic made. */
    protected static Properties consumerProperties(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return p;
    }

    private void loop() {
        try {
            follow();
        } catch (WakeupException e) {
            if (running) {
                log.error("{} woken up while running", thread.getName(), e);
            }
        } catch (RuntimeException e) {
            failed = true;
            metrics.ready(false);
            log.error("{} stopped: the gateway no longer follows Kafka and reports itself not ready", thread.getName(), e);
        }
    }
}
