package dev.scoreline.gateway.act;

import dev.scoreline.delta.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes admitted actions to their entity's input topic, keyed by the entity so that one partition
 * orders every move at a table. Idempotent and {@code acks=all}: a move Kafka acknowledged is on
 * every in-sync replica, and the producer's own retries never write it twice. A move Kafka does not
 * take within {@link #DELIVERY_TIMEOUT} fails, and the client retries it with the same id (the job
 * drops the copy if the first did land).
 */
public final class ActionProducer implements AutoCloseable {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final Map<Channel.Kind, String> topics;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gateway-actions");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param topics the input topic of each kind of entity players act on
     * @param extra Kafka producer settings, Kafka's names (the gateway's {@code --kafka} properties)
     */
    public ActionProducer(String bootstrapServers, Map<Channel.Kind, String> topics, Map<String, String> extra) {
        Properties p = new Properties();
        p.putAll(extra);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scoreline-gateway-actions");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topics = Map.copyOf(topics);
    }

    /** Completes once Kafka holds the event, exceptionally when it would not take it. */
    public CompletableFuture<Void> send(ActionGate.Admitted action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        String topic = topics.get(action.kind());
        if (topic == null) {
            done.completeExceptionally(new IllegalStateException("no input topic for " + action.kind()));
            return done;
        }
        // send() can block on metadata (a topic's first move, a broker gone): never on a client's I/O thread
        sender.execute(() -> {
            try {
                producer.send(new ProducerRecord<>(topic, action.key(), action.event()), (metadata, error) -> {
                    if (error == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
