package dev.scoreline.bench.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records of output topics and finds when the last was written (their timestamps are
 * the broker's append time: the benchmark creates them with {@code LogAppendTime}).
 */
final class TopicWatch implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    TopicWatch(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p);
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
    }

    long count(String topic) {
        return consumer.endOffsets(partitions.stream().filter(tp -> tp.topic().equals(topic)).toList(),
                Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
    }

    long countAll() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                .mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until {@code done} holds, then until the topics' record counts stay the same for
     * {@code quiet}; returns false if {@code max} runs out first.
     */
    boolean await(BooleanSupplier done, Duration quiet, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        long last = countAll();
        long since = System.nanoTime();
        while (System.nanoTime() - since < quiet.toNanos()) {
            Thread.sleep(100);
            long now = countAll();
            if (now != last) {
                last = now;
                since = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
        }
        return true;
    }

    /** The append time of the newest record of every topic watched, in epoch milliseconds. */
    long lastWrittenMillis() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        long last = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            consumer.assign(List.of(e.getKey()));
            consumer.seek(e.getKey(), e.getValue() - 1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    last = Math.max(last, r.timestamp());
                    found = true;
                }
            }
        }
        consumer.unsubscribe();
        return last;
    }

    /**
     * The rate at which {@code topic}'s records were appended once the first {@code skip} fraction
     * of them was: records per second from the append time of record {@code skip * n} (in append
     * order over all partitions) to the last. Leaves out the start (deployment, JIT compilation).
     */
    double rateAfter(String topic, double skip) {
        List<TopicPartition> mine = partitions.stream().filter(tp -> tp.topic().equals(topic)).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(mine, Duration.ofSeconds(30));
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        long[] times = new long[(int) total];
        int n = 0;
        consumer.assign(mine);
        consumer.seekToBeginning(mine);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (n < total && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (n < times.length) {
                    times[n++] = r.timestamp();
                }
            }
        }
        consumer.unsubscribe();
        if (n < 2) {
            return Double.NaN;
        }
        Arrays.sort(times, 0, n);
        int from = (int) (skip * n);
        double seconds = Math.max(1, times[n - 1] - times[from]) / 1000.0;
        return (n - 1 - from) / seconds;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
