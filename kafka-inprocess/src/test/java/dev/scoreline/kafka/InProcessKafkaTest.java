package dev.scoreline.kafka;

import static dev.scoreline.kafka.TestClients.produceNumbered;
import static dev.scoreline.kafka.TestClients.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessKafkaTest {
    private static final int RECORDS = 10_000;

    @Test
    void producesAndConsumesTenThousandRecords(@TempDir Path dir) {
        try (InProcessKafka kafka = InProcessKafka.start(dir)) {
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(kafka.dataDir()).isEqualTo(dir.toAbsolutePath());

            kafka.createTopic("numbers", 3, Map.of());
            produceNumbered(kafka.bootstrapServers(), "numbers", RECORDS);

            assertNumbered(readAll(kafka.bootstrapServers(), "numbers", Map.of()), RECORDS);
        }
    }

    @Test
    void restartOnTheSameDirectoryKeepsTheClusterAndItsRecords(@TempDir Path dir) throws Exception {
        String clusterId;
        int firstPort;
        InProcessKafka first = InProcessKafka.start(dir);
        try (first) {
            first.createTopic("numbers", 3, Map.of());
            produceNumbered(first.bootstrapServers(), "numbers", RECORDS);
            clusterId = first.admin().describeCluster().clusterId().get();
            firstPort = port(first);
        }
        first.close();
        assertThatThrownBy(() -> first.createTopic("late", 1, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(clusterIdIn(dir.resolve("meta.properties"))).isEqualTo(clusterId);
        assertThat(isFree(firstPort)).as("port %d released by close", firstPort).isTrue();

        try (InProcessKafka again = InProcessKafka.start(dir)) {
            assertThat(again.admin().describeCluster().clusterId().get()).isEqualTo(clusterId);
            again.createTopic("numbers", 3, Map.of());

            assertNumbered(readAll(again.bootstrapServers(), "numbers", Map.of()), RECORDS);
        }
    }

    @Test
    void twoBrokersInOneJvmRunSideBySide(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<InProcessKafka>> starts = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            starts.add(pool.submit(() -> InProcessKafka.start(dir.resolve(name))));
        }
        try {
            InProcessKafka a = starts.get(0).get();
            InProcessKafka b = starts.get(1).get();
            assertThat(a.bootstrapServers()).isNotEqualTo(b.bootstrapServers());
            assertThat(a.admin().describeCluster().clusterId().get())
                    .isNotEqualTo(b.admin().describeCluster().clusterId().get());

            // The same topic name on both: each broker holds only what was written to it.
            a.createTopic("numbers", 2, Map.of());
            b.createTopic("numbers", 2, Map.of());
            produceNumbered(a.bootstrapServers(), "numbers", 1_000);
            produceNumbered(b.bootstrapServers(), "numbers", 1_500);

            assertNumbered(readAll(a.bootstrapServers(), "numbers", Map.of()), 1_000);
            assertNumbered(readAll(b.bootstrapServers(), "numbers", Map.of()), 1_500);
        } finally {
            for (Future<InProcessKafka> start : starts) {
                try {
                    start.get().close();
                } catch (ExecutionException e) {
                    // the failed start is already what the test reports
                }
            }
            pool.shutdown();
        }
    }

    @Test
    void aPortAlreadyInUseFailsWithAClearMessage(@TempDir Path dir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> InProcessKafka.start(dir, port))
                    .isInstanceOf(InProcessKafkaException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedFailsWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Path impossible = file.resolve("data");

        assertThatThrownBy(() -> InProcessKafka.start(impossible))
                .isInstanceOf(InProcessKafkaException.class)
                .hasMessageContaining("cannot create the Kafka data directory " + impossible);
    }

    @Test
    void aDataDirectoryInUseByAnotherBrokerIsRefused(@TempDir Path dir) {
        try (InProcessKafka first = InProcessKafka.start(dir)) {
            assertThatThrownBy(() -> InProcessKafka.start(dir))
                    .isInstanceOf(InProcessKafkaException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("is in use by another broker");

            first.createTopic("still-works", 1, Map.of());
            produceNumbered(first.bootstrapServers(), "still-works", 10);
            assertNumbered(readAll(first.bootstrapServers(), "still-works", Map.of()), 10);
        }
    }

    @Test
    void settingsThatShapeTheNodeCannotBeOverridden(@TempDir Path dir) {
        assertThatThrownBy(() -> InProcessKafka.start(dir, 0, Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }

    private static void assertNumbered(List<ConsumerRecord<String, String>> records, int count) {
        assertThat(records).hasSize(count);
        Map<String, String> byKey = records.stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
        Map<String, String> expected = IntStream.range(0, count).boxed()
                .collect(Collectors.toMap(i -> "key-" + i, i -> "value-" + i));
        assertThat(byKey).isEqualTo(expected);
    }

    private static int port(InProcessKafka kafka) {
        String bootstrap = kafka.bootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static String clusterIdIn(Path metaProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties)) {
            properties.load(reader);
        }
        return properties.getProperty("cluster.id");
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
