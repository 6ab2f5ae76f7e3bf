package dev.scoreline.local;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import dev.scoreline.kafka.InProcessKafka;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./scoreline kafka}: a single-node broker with the project's topics until Ctrl-C. */
final class KafkaCommand implements Command {

    static final Option<Integer> PORT = Option.of("port", ValueType.integer(1, 65535)).byDefault(9092)
            .help("the broker's port on 127.0.0.1");
    static final Option<Path> DIR = Option.of("dir", ValueType.path("DIR")).byDefault(Path.of(".scoreline/kafka"))
            .help("where the data stays, so a restart keeps every record");
    static final Option<Integer> PARTITIONS = Option.of("partitions", ValueType.integer(1, 1024)).byDefault(4)
            .help("of each of the project's topics");

    static final Options OPTIONS = Options.command("./scoreline kafka", """
            A single-node Kafka broker (KRaft, in this JVM) with the project's topics, for development \
            without Docker. Stop it with Ctrl-C.""").with(PORT, DIR, PARTITIONS);

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Parsed args = OPTIONS.parse(arguments);
        int port = args.get(PORT);
        Path dir = args.get(DIR).toAbsolutePath();
        int partitions = args.get(PARTITIONS);

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
