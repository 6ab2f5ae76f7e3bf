package dev.scoreline.local;

import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@code ./scoreline demo}: the whole system in this JVM. Every run starts fresh: the demo's Kafka
 * data and checkpoints are wiped first, so the replays and the page begin at the first ball.
 */
final class DemoCommand implements Command {

    @Override
    public String usage() {
        return """
                Usage: ./scoreline demo [--port 8080] [--speed 30] [--matches DIR] [--tables 4] [--dir DIR]
                  Starts a Kafka broker, the Flink job (MiniCluster, RocksDB, checkpoints), a gateway,
                  replays of recorded matches and simulated Teen Patti tables, all in this JVM, and prints
                  the page's URL. Ctrl-C stops everything.
                  --port      the page and the gateway (default 8080)
                  --speed     matches at X times real pace; a T20 ball comes every ~40 s (default 30)
                  --matches   a folder of Cricsheet JSON files (default: the bundled data/cricsheet)
                  --tables    how many simulated tables, demo-1 ... demo-N (default 4)
                  --dir       where Kafka's data and the checkpoints go (default .scoreline/demo);
                              every run starts from scratch there""";
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Args args = Args.parse(arguments, Set.of("port", "speed", "matches", "tables", "dir"), Set.of());
        int port = args.integer("port", 8080, 0, 65535);
        double speed = args.decimal("speed", 30, 0, 100_000);
        int tables = args.integer("tables", 4, 0, 100);
        Path home = Path.of(System.getProperty("scoreline.home", "."));
        Path matchesDir = args.has("matches") ? Path.of(args.required("matches")) : home.resolve("data/cricsheet");
        Path dir = Path.of(args.text("dir", ".scoreline/demo")).toAbsolutePath();
        List<List<MatchEvent>> matches = load(matchesDir);

        long started = System.nanoTime();
        System.out.printf("Scoreline demo: %d recorded matches at %sx, %d simulated tables. Starting...%n",
                matches.size(), speed == 0 ? "full speed " : speed, tables);
        wipe(dir);
        Stack stack = Stack.start(dir, port);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger balls = new AtomicInteger();
        AtomicInteger actions = new AtomicInteger();
        Producer<String, String> producer = Producers.feed(stack.kafka.bootstrapServers(), "scoreline-demo");
        MatchReplay replay = new MatchReplay(matches);
        Thread matchThread = feedThread("demo-matches", () ->
                replay.run(producer, Topic.MATCH_EVENTS.defaultName(), speed, balls::set, stop::get));
        Thread tableThread = feedThread("demo-tables", () ->
                new TableFeed(tables, 2026, Clock.systemUTC())
                        .run(producer, Topic.TABLE_EVENTS.defaultName(), actions::set, stop::get));
        matchThread.start();
        if (tables > 0) {
            tableThread.start();
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the demo...");
            stop.set(true);
            join(matchThread);
            join(tableThread);
            producer.close(Duration.ofSeconds(5));
            stack.close();
            stopped.countDown();
        }, "demo-shutdown"));

        System.out.printf("Ready in %.1f s. Open http://localhost:%d/ (replay takes about %s; Ctrl-C stops it)%n",
                (System.nanoTime() - started) / 1e9, stack.gateway.port(), replay.length(speed));
        while (!stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            System.out.printf("  %s  match events %d/%d, table actions %d, job %s%n",
                    java.time.LocalTime.now().withNano(0), balls.get(), replay.events(), actions.get(),
                    stack.job.status());
        }
        return 0;
    }

    /** Kafka, the job and the gateway, started in that order and closed in reverse. */
    record Stack(InProcessKafka kafka, LocalJob job, EdgeGateway gateway) implements AutoCloseable {

        static Stack start(Path dir, int port) throws Exception {
            InProcessKafka kafka = InProcessKafka.start(dir.resolve("kafka"));
            LocalJob job = null;
            try {
                ProjectTopics.create(kafka, 4);
                job = LocalJob.start(JobOptions.parse(
                        "--bootstrap", kafka.bootstrapServers(),
                        "--starting-offsets", "earliest",
                        "--parallelism", "2",
                        "--checkpoint-interval", "10s"), dir.resolve("job"), false);
                job.awaitRunning(Duration.ofMinutes(1));
                EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder(kafka.bootstrapServers())
                        .bindAddress("127.0.0.1")
                        .port(port)
                        .devMode(true)
                        .build()).start();
                if (!gateway.awaitReady(Duration.ofMinutes(1))) {
                    gateway.close();
                    throw new IllegalStateException("the gateway did not catch up with Kafka within a minute");
                }
                return new Stack(kafka, job, gateway);
            } catch (Exception e) {
                if (job != null) {
                    job.close();
                }
                kafka.close();
                throw e;
            }
        }

        @Override
        public void close() {
            gateway.close();
            try {
                job.close();
            } catch (Exception e) {
                System.err.println("demo: stopping the job: " + e.getMessage());
            }
            kafka.close();
        }
    }

    static List<List<MatchEvent>> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new Args.UsageException("--matches: no such folder: " + dir);
        }
        List<List<MatchEvent>> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    matches.add(CricsheetConverter.convert(file));
                } catch (RuntimeException e) {
                    System.err.println("demo: skipping " + file.getFileName() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (matches.isEmpty()) {
            throw new Args.UsageException("--matches: no Cricsheet JSON file in " + dir);
        }
        return matches;
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    interface Feed {
        int run() throws Exception;
    }

    private static Thread feedThread(String name, Feed feed) {
        Thread thread = new Thread(() -> {
            try {
                feed.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("demo: " + name + " stopped: " + e.getMessage());
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
