package dev.scoreline.job;

import dev.scoreline.kafka.InProcessKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One real broker for every job test in this JVM: starting one costs seconds, and each test keeps
 * to its own topics ({@link JobHarness} prefixes them), so sharing it is safe.
 */
final class TestKafka {

    private static InProcessKafka broker;

    private TestKafka() {}

    static synchronized InProcessKafka get() {
        if (broker == null) {
            try {
                broker = InProcessKafka.start(Files.createTempDirectory("job-tests-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-shutdown"));
        }
        return broker;
    }
}
