package dev.scoreline.testkit;

import dev.scoreline.kafka.InProcessKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real Kafka broker for every test of this JVM, started on first use and stopped at exit:
 * starting one costs seconds, and tests that keep to topics of their own never see each other's
 * records, so sharing it is safe.
 */
public final class TestBroker {

    private static InProcessKafka broker;

    private TestBroker() {}

    public static synchronized InProcessKafka get() {
        if (broker == null) {
            try {
                broker = InProcessKafka.start(Files.createTempDirectory("test-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
        }
        return broker;
    }
}
