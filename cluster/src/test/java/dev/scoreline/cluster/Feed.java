package dev.scoreline.cluster;

import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to {@code match-events} as the score feed does (acks=all, idempotent, keyed by
 * entity id), at a steady pace in the background, remembering when each one was acknowledged.
 */
final class Feed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    Feed(String bootstrap) {
        producer = Kafka.producer(bootstrap, new StringSerializer(), Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "cluster-test-feed",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "2",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000"));
    }

    /** Sends and waits for the acknowledgement of all in-sync replicas. */
    RecordMetadata send(String key, String value) {
        return Kafka.sendAndWait(producer, new ProducerRecord<>(Topic.MATCH_EVENTS.defaultName(), key, value));
    }

    Future<RecordMetadata> sendAsync(String key, String value) {
        return producer.send(new ProducerRecord<>(Topic.MATCH_EVENTS.defaultName(), key, value));
    }

    RecordMetadata send(EntityEvent event) {
        return send(event.entityId(), Json.string(event));
    }

    void flush() {
        producer.flush();
    }

    /**
     * Sends {@code events} one every {@code gap}, each acknowledged before the next: a match
     * replayed live. {@link Replay#sentAt} tells when each went out.
     */
    Replay replay(List<? extends EntityEvent> events, Duration gap) {
        Replay replay = new Replay(events.size());
        replay.done = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < events.size(); i++) {
                replay.sentAt[i] = System.currentTimeMillis();
                send(events.get(i));
                replay.sent.incrementAndGet();
                try {
                    Thread.sleep(gap.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        return replay;
    }

    static final class Replay {
        final long[] sentAt;
        final AtomicInteger sent = new AtomicInteger();
        CompletableFuture<Void> done;

        Replay(int size) {
            sentAt = new long[size];
        }

        void awaitSent(int count, Duration timeout) {
            Await.until(count + " events sent", timeout, () -> {
                if (done.isCompletedExceptionally()) {
                    done.join();
                }
                return sent.get() >= count;
            });
        }

        /** Index of the first event sent at or after {@code millis}; the length if none. */
        int firstSentAfter(long millis) {
            for (int i = 0; i < sent.get(); i++) {
                if (sentAt[i] >= millis) {
                    return i;
                }
            }
            return sent.get();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
