package dev.scoreline.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from its beginning, every partition, committed records only, keeping what it has
 * read across calls, so a test can wait for an output to appear and then inspect all of it.
 * Records of one partition stay in their order; partitions are interleaved as they come.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_ALL_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    public TopicReader(String bootstrap, String topic) {
        consumer = Kafka.consumer(bootstrap);
        fromBeginning(consumer, topic);
    }

    /** Everything read so far, after reading what is there now. */
    public List<ConsumerRecord<String, String>> read() {
        for (int empty = 0; empty < 2; ) {
            var batch = consumer.poll(Duration.ofMillis(200));
            batch.forEach(records::add);
            empty = batch.isEmpty() ? empty + 1 : 0;
        }
        return List.copyOf(records);
    }

    /** Reads until {@code done} holds for what was read, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> now = read();
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout + " waiting for " + what + "; read "
                        + now.size() + " records");
            }
        }
    }

    /** Every record of {@code topic} up to its end offsets as they are now. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = Kafka.consumer(bootstrap)) {
            List<TopicPartition> partitions = fromBeginning(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_ALL_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end in " + READ_ALL_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static List<TopicPartition> fromBeginning(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
