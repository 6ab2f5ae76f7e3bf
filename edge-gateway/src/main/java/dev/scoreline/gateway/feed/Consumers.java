package dev.scoreline.gateway.feed;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;

/** What every consumer thread of a gateway does the same way: wait for its topic, and stop. */
public final class Consumers {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private Consumers() {}

    /**
     * The topic's partitions, once it exists: a gateway may start before the topics are created,
     * and says once that it waits. Empty when {@code running} turns false first.
     */
    public static List<PartitionInfo> partitionsOnceThere(KafkaConsumer<?, ?> consumer, String topic,
            BooleanSupplier running, Logger log) {
        boolean warned = false;
        while (running.getAsBoolean()) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, RETRY);
                if (infos != null && !infos.isEmpty()) {
                    return infos;
                }
            } catch (TimeoutException e) {
                // the broker did not answer in time: ask again
            }
            if (!warned) {
                log.warn("topic {} not found; waiting for it", topic);
                warned = true;
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    /** Wakes the consumer out of a poll (its thread has been told to stop) and waits for the thread to end. */
    public static void stop(KafkaConsumer<?, ?> consumer, Thread thread) {
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
