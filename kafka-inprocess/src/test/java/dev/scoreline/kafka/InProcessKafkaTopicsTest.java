package dev.scoreline.kafka;

import static dev.scoreline.kafka.TestClients.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topics on one broker shared by the class: settings, compaction, transactions. */
class InProcessKafkaTopicsTest {
    /** The cleaner looks for work every 15 s by default; the compaction test should not wait that long. */
    private static final String CLEANER_BACKOFF_MS = "100";

    @TempDir
    static Path dir;
    static InProcessKafka kafka;

    @BeforeAll
    static void start() {
        kafka = InProcessKafka.start(dir, 0, Map.of("log.cleaner.backoff.ms", CLEANER_BACKOFF_MS));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aCompactedTopicReportsItsCleanupPolicy() throws Exception {
        kafka.createTopic("snapshots", 2, Map.of("cleanup.policy", "compact"));
        kafka.createTopic("snapshots", 2, Map.of("cleanup.policy", "compact"));

        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "snapshots");
        String policy = kafka.admin().describeConfigs(List.of(topic)).all().get()
                .get(topic).get("cleanup.policy").value();
        assertThat(policy).isEqualTo("compact");
        assertThat(kafka.admin().describeTopics(List.of("snapshots")).allTopicNames().get()
                .get("snapshots").partitions()).hasSize(2);
    }

    @Test
    void compactionKeepsTheLatestValueOfEveryKey() throws Exception {
        int keys = 5;
        int writesPerKey = 40;
        // Tiny segments roll after a few records, so all but the newest become cleanable at once.
        kafka.createTopic("latest", 1, Map.of(
                "cleanup.policy", "compact",
                "segment.bytes", "1024",
                "min.cleanable.dirty.ratio", "0.01"));
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(),
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 0))) {
            for (int write = 0; write < writesPerKey; write++) {
                for (int key = 0; key < keys; key++) {
                    // One record per batch: a batch larger than a segment would be refused.
                    producer.send(new ProducerRecord<>("latest", "key-" + key, "write-" + write)).get();
                }
            }
        }

        List<ConsumerRecord<String, String>> records = readAll(kafka.bootstrapServers(), "latest", Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (records.size() == keys * writesPerKey && System.nanoTime() < deadline) {
            Thread.sleep(200);
            records = readAll(kafka.bootstrapServers(), "latest", Map.of());
        }

        assertThat(records).as("records left after compaction").hasSizeLessThan(keys * writesPerKey);
        Map<String, String> latest = new LinkedHashMap<>();
        records.forEach(r -> latest.put(r.key(), r.value()));
        assertThat(latest).hasSize(keys).allSatisfy((key, value) -> assertThat(value).isEqualTo("write-" + (writesPerKey - 1)));
    }

    @Test
    void transactionsCommitAndAbort() {
        kafka.createTopic("transactional", 1, Map.of());
        try (KafkaProducer<String, String> producer = TestClients.producer(kafka.bootstrapServers(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "transactions-test"))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>("transactional", "committed-" + i, "c"));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>("transactional", "aborted-" + i, "a"));
            }
            // Flushed first: an abort drops what is still unsent, and the log should hold the aborted records.
            producer.flush();
            producer.abortTransaction();
        }

        List<ConsumerRecord<String, String>> committed = readAll(kafka.bootstrapServers(), "transactional",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<ConsumerRecord<String, String>> everything = readAll(kafka.bootstrapServers(), "transactional",
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"));

        assertThat(committed).hasSize(100).allSatisfy(r -> assertThat(r.key()).startsWith("committed-"));
        assertThat(everything).hasSize(150);
    }

    @Test
    void brokerSettingsGivenAtStartApply() throws Exception {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        String backoff = kafka.admin().describeConfigs(List.of(broker)).all().get()
                .get(broker).get("log.cleaner.backoff.ms").value();
        assertThat(backoff).isEqualTo(CLEANER_BACKOFF_MS);
    }

    @Test
    void aTopicWithAnInvalidSettingIsRefusedWithTheReason() {
        assertThatThrownBy(() -> kafka.createTopic("invalid", 1, Map.of("cleanup.policy", "sometimes")))
                .isInstanceOf(InProcessKafkaException.class)
                .hasMessageContaining("cannot create topic invalid")
                .hasMessageContaining("sometimes");
        assertThatThrownBy(() -> kafka.createTopic("empty", 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 partition");
    }
}
