package dev.scoreline.testkit;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients as the tests use them: string keys, every record acknowledged by all replicas. */
public final class Kafka {

    private Kafka() {}

    /** A producer with {@code acks=all}, and {@code extra} settings on top. */
    public static <V> KafkaProducer<String, V> producer(String bootstrap, Serializer<V> values,
            Map<String, Object> extra) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    public static KafkaProducer<String, String> producer(String bootstrap) {
        return producer(bootstrap, new StringSerializer(), Map.of());
    }

    /**
     * Sends and waits for the broker's acknowledgement: where the record landed.
     *
     * @throws IllegalStateException when Kafka refuses the record
     */
    public static <V> RecordMetadata sendAndWait(KafkaProducer<String, V> producer, ProducerRecord<String, V> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record", e.getCause());
        }
    }

    /**
     * A consumer of committed records only (what the job's transactions have published), with room
     * for the largest records the job writes.
     */
    public static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
