package dev.scoreline.job;

import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.TopicReader;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One test's own topics on a shared broker (named with a prefix, so tests never read each other's
 * records), a producer for its input, and the job started against them on a MiniCluster.
 */
final class JobHarness implements AutoCloseable {

    final InProcessKafka kafka;
    final String prefix;
    private final KafkaProducer<String, String> producer;

    JobHarness(InProcessKafka kafka, String prefix, int partitions) {
        this.kafka = kafka;
        this.prefix = prefix;
        for (Topic topic : Topic.values()) {
            kafka.createTopic(topic(topic), partitions, topic.config());
        }
        producer = Kafka.producer(kafka.bootstrapServers());
    }

    String topic(Topic topic) {
        return prefix + "-" + topic.defaultName();
    }

    /** The job's options as a command line gives them: a bootstrap and {@code more}, nothing else. */
    static JobOptions parse(String... more) {
        List<String> args = new ArrayList<>(List.of("--bootstrap", "localhost:9092"));
        args.addAll(List.of(more));
        return JobOptions.parse(args.toArray(String[]::new));
    }

    JobOptions options(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap", kafka.bootstrapServers(),
                "--group-id", prefix + "-job",
                "--match-topic", topic(Topic.MATCH_EVENTS),
                "--table-topic", topic(Topic.TABLE_EVENTS),
                "--ticker-topic", topic(Topic.TICKER_EVENTS),
                "--wallet-topic", topic(Topic.WALLET_EVENTS),
                "--deltas-topic", topic(Topic.STATE_DELTAS),
                "--snapshots-topic", topic(Topic.STATE_SNAPSHOTS),
                "--private-deltas-topic", topic(Topic.PRIVATE_DELTAS),
                "--private-snapshots-topic", topic(Topic.PRIVATE_SNAPSHOTS),
                "--changelog-topic", topic(Topic.STATE_CHANGELOG),
                "--dead-letters-topic", topic(Topic.DEAD_LETTERS),
                "--verdicts-topic", topic(Topic.VERDICTS),
                "--starting-offsets", "earliest",
                "--parallelism", "2",
                "--checkpoint-interval", "1s"));
        args.addAll(List.of(more));
        return JobOptions.parse(args.toArray(String[]::new));
    }

    LocalJob start(Path workDir, String... more) throws Exception {
        LocalJob job = LocalJob.start(options(more), workDir, false);
        job.awaitRunning(java.time.Duration.ofSeconds(60));
        return job;
    }

    void send(Topic topic, EntityEvent event) {
        sendAsync(topic, event);
    }

    /** Sends and waits for the broker's acknowledgement: where the record landed. */
    RecordMetadata sendRaw(Topic topic, String key, String value) {
        return Kafka.sendAndWait(producer, new ProducerRecord<>(topic(topic), key, value));
    }

    /** Sends the events to the match topic, in their order, and waits until they are out. */
    void sendMatches(List<MatchEvent> events) {
        events.forEach(e -> send(Topic.MATCH_EVENTS, e));
        flush();
    }

    void sendAsync(Topic topic, EntityEvent event) {
        producer.send(new ProducerRecord<>(topic(topic), event.entityId(), Json.string(event)));
    }

    void flush() {
        producer.flush();
    }

    /** The failures the job went through (each one a restart), from the MiniCluster's REST API. */
    static int failures(LocalJob job) throws Exception {
        java.net.URI rest = job.cluster().getRestAddress().get();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(rest.resolve("/jobs/" + job.jobId() + "/exceptions")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode entries = Json.tree(response.body()).path("exceptionHistory").path("entries");
        if (!entries.isArray()) {
            throw new IllegalStateException("no exception history in " + response.body());
        }
        return entries.size();
    }

    TopicReader reader(Topic topic) {
        return new TopicReader(kafka.bootstrapServers(), topic(topic));
    }

    @Override
    public void close() {
        producer.close();
    }
}
