package dev.scoreline.gateway.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Kafka;
import dev.scoreline.testkit.TestBroker;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays the stream job in tests: publishes snapshots and deltas of a scoreboard whose state at
 * each version is known here ({@link #state}), keyed by channel as the job keys them, a private
 * channel's to the private topics, into its player's partition.
 */
public final class Feed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final Broker.Topics topics;

    public Feed(Broker.Topics topics) {
        this.topics = topics;
        producer = Kafka.producer(TestBroker.get().bootstrapServers(), new ByteArraySerializer(), Map.of(
                ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1"));
    }

    /**
     * The scoreboard at version {@code v}: one ball per version, runs adding up 1..v, and a
     * {@code last} field naming the version (so every delta changes something).
     */
    public static ObjectNode state(long v) {
        ObjectNode s = Json.object();
        s.put("runs", (int) (v * (v + 1) / 2));
        s.put("last", (int) v);
        ObjectNode balls = s.putObject("balls");
        for (long b = 1; b <= v; b++) {
            balls.put(Long.toString(b), (int) b);
        }
        return s;
    }

    /**
     * The delta from..to by the rule of docs/topics.md ("Versions and deltas"): every field
     * changed, at its value at {@code to}.
     */
    public static Delta delta(String channel, String epoch, long from, long to) {
        ObjectNode patch = Json.object();
        patch.put("runs", (int) (to * (to + 1) / 2));
        patch.put("last", (int) to);
        ObjectNode balls = patch.putObject("balls");
        for (long b = from; b <= to; b++) {
            balls.put(Long.toString(b), (int) b);
        }
        return new Delta(channel, epoch, from, to, patch);
    }

    public void snapshot(String channel, String epoch, long version) {
        send(Channel.ownerOf(channel) == null ? topics.snapshots() : topics.privateSnapshots(), channel,
                Json.bytes(new Snapshot(channel, epoch, version, state(version))));
    }

    public void delta(Delta delta) {
        send(Channel.ownerOf(delta.channel()) == null ? topics.deltas() : topics.privateDeltas(), delta.channel(),
                Json.bytes(delta));
    }

    /** Deltas {@code from..to}, one version each. */
    public void deltas(String channel, String epoch, long from, long to) {
        for (long v = from; v <= to; v++) {
            delta(delta(channel, epoch, v, v));
        }
    }

    /** A record as given, for what the job would never publish; {@code partition} null to let Kafka choose. */
    public void raw(String topic, Integer partition, String key, byte[] value) {
        send(new ProducerRecord<>(topic, partition, key, value));
    }

    /** A snapshot into a given partition of the snapshot topic. */
    public void snapshotInto(int partition, String channel, String epoch, long version) {
        send(new ProducerRecord<>(topics.snapshots(), partition, channel,
                Json.bytes(new Snapshot(channel, epoch, version, state(version)))));
    }

    private void send(String topic, String key, byte[] value) {
        String player = Channel.ownerOf(key);
        Integer partition = player == null ? null
                : Channel.privatePartition(player, producer.partitionsFor(topic).size());
        send(new ProducerRecord<>(topic, partition, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        Kafka.sendAndWait(producer, record);
    }

    @Override
    public void close() {
        producer.close();
    }
}
