package dev.scoreline.local;

import dev.scoreline.kafka.InProcessKafka;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ./scoreline kafka}: a single-node broker with the project's topics until Ctrl-C. */
final class KafkaCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: ./scoreline kafka [--port 9092] [--dir DIR] [--partitions 4]
                  A single-node Kafka broker (KRaft, in this JVM) with the project's topics, for
                  development without Docker. Data stays in DIR (default .scoreline/kafka), so a
                  restart keeps every record. Stop it with Ctrl-C.""";
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, Set.of("port", "dir", "partitions"), Set.of());
        int port = args.integer("port", 9092, 1, 65535);
        Path dir = Path.of(args.text("dir", ".scoreline/kafka")).toAbsolutePath();
        int partitions = args.integer("partitions", 4, 1, 1024);

        InProcessKafka kafka = InProcessKafka.start(dir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        ProjectTopics.create(kafka, partitions);
        System.out.println("Kafka is up at " + kafka.bootstrapServers() + " (data in " + dir + "); Ctrl-C stops it.");
        stopped.await();
        return 0;
    }
}
