package dev.scoreline.gateway.it;

import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.topic.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real Kafka broker for every integration test of this JVM (started on first use, stopped at
 * exit); each test gets topics of its own, so tests do not see each other's channels.
 */
public final class Broker {

    private static InProcessKafka broker;
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private Broker() {}

    public static synchronized InProcessKafka get() {
        if (broker == null) {
            try {
                Path dir = Files.createTempDirectory("gateway-it-kafka");
                broker = InProcessKafka.start(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            InProcessKafka started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "gateway-it-kafka-stop"));
        }
        return broker;
    }

    /** A fresh pair of topics, configured as the project creates them, with {@code partitions} each. */
    public static Topics topics(int partitions) {
        int n = TOPICS.incrementAndGet();
        Topics t = new Topics("snapshots-" + n, "deltas-" + n);
        get().createTopic(t.snapshots(), partitions, Topic.STATE_SNAPSHOTS.config());
        get().createTopic(t.deltas(), partitions, Topic.STATE_DELTAS.config());
        return t;
    }

    /** Topic names that a test creates itself, later. */
    public static Topics names() {
        int n = TOPICS.incrementAndGet();
        return new Topics("snapshots-" + n, "deltas-" + n);
    }

    public record Topics(String snapshots, String deltas) {
        public void create(int partitions) {
            get().createTopic(snapshots, partitions, Topic.STATE_SNAPSHOTS.config());
            get().createTopic(deltas, partitions, Topic.STATE_DELTAS.config());
        }
    }
}
