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
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@code ./scoreline demo}: the whole system in this JVM. Every run starts fresh: the demo's Kafka
 * data and checkpoints are wiped first, so the replays and the page begin at the first ball.
 * {@link #start} runs the same demo without the console loop, for tests.
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

    /** What a demo runs: the command's options. */
    record Settings(int port, double speed, Path matches, int tables, Path dir) {

        static Settings parse(String[] arguments, Path home) {
            Args args = Args.parse(arguments, Set.of("port", "speed", "matches", "tables", "dir"), Set.of());
            return new Settings(
                    args.integer("port", 8080, 0, 65535),
                    args.decimal("speed", 30, 0, 100_000),
                    args.has("matches") ? Path.of(args.required("matches")) : home.resolve("data/cricsheet"),
                    args.integer("tables", 4, 0, 100),
                    Path.of(args.text("dir", ".scoreline/demo")).toAbsolutePath());
        }
    }

    @Override
    public int run(String[] arguments) throws Exception {
        Settings settings = Settings.parse(arguments, Path.of(System.getProperty("scoreline.home", ".")));
        Demo demo = start(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the demo...");
            demo.close();
            stopped.countDown();
        }, "demo-shutdown"));
        while (!stopped.await(10, TimeUnit.SECONDS)) {
            if (!demo.closing()) {
                System.out.printf("  %s  %s%n", LocalTime.now().withNano(0), demo.progress());
            }
        }
        return 0;
    }

    /**
     * Starts a demo: wipes {@code settings.dir()}, starts Kafka, the job and the gateway, then the
     * match replay and the simulated tables, and prints what it did to {@code out}.
     */
    static Demo start(Settings settings, PrintStream out) throws Exception {
        List<List<MatchEvent>> matches = load(settings.matches());
        long started = System.nanoTime();
        out.printf("Scoreline demo: %s at %s, %s. Starting...%n",
                count(matches.size(), "recorded match", "recorded matches"),
                settings.speed() == 0 ? "full speed" : settings.speed() + "x",
                count(settings.tables(), "simulated table", "simulated tables"));
        wipe(settings.dir());
        Demo demo = new Demo(Stack.start(settings.dir(), settings.port()), new MatchReplay(matches), settings);
        out.printf("Ready in %.1f s. Open %s (the replay takes about %s; Ctrl-C stops it)%n",
                (System.nanoTime() - started) / 1e9, demo.url(), readable(demo.replay.length(settings.speed())));
        return demo;
    }

    /** A running demo: the stack, the match replay and the table feed. */
    static final class Demo implements AutoCloseable {

        private final Stack stack;
        private final MatchReplay replay;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicInteger balls = new AtomicInteger();
        private final AtomicInteger actions = new AtomicInteger();
        private final Producer<String, String> producer;
        private final Thread matchThread;
        private final Thread tableThread;
        private volatile EdgeGateway gateway;

        private Demo(Stack stack, MatchReplay replay, Settings settings) {
            this.stack = stack;
            this.replay = replay;
            this.gateway = stack.gateway();
            this.producer = Producers.feed(stack.kafka().bootstrapServers(), "scoreline-demo");
            this.matchThread = feedThread("demo-matches", () -> replay.run(producer, Topic.MATCH_EVENTS.defaultName(),
                    settings.speed(), balls::set, stop::get));
            this.tableThread = feedThread("demo-tables", () -> new TableFeed(settings.tables(), 2026, Clock.systemUTC())
                    .run(producer, Topic.TABLE_EVENTS.defaultName(), actions::set, stop::get));
            matchThread.start();
            if (settings.tables() > 0) {
                tableThread.start();
            }
        }

        /** The page's address. */
        String url() {
            return "http://localhost:" + gateway.port() + "/";
        }

        int port() {
            return gateway.port();
        }

        String bootstrapServers() {
            return stack.kafka().bootstrapServers();
        }

        /** How many match events the replay has sent, of {@link #matchEvents()}. */
        int matchEventsSent() {
            return balls.get();
        }

        int matchEvents() {
            return replay.events();
        }

        /** True once {@link #close} has begun. */
        boolean closing() {
            return closed.get();
        }

        String progress() {
            String job;
            try {
                job = stack.job().status().toString();
            } catch (Exception e) {
                job = "unknown (" + e.getMessage() + ")";
            }
            return "match events " + balls.get() + "/" + replay.events() + ", table actions " + actions.get()
                    + ", job " + job;
        }

        /**
         * Stops the gateway and starts a fresh one on the same port, as a redeploy does: its
         * clients lose their connection and must resume; the new gateway rebuilds its cache from
         * Kafka. Returns once it has caught up.
         */
        synchronized void restartGateway() throws InterruptedException {
            gateway.close();
            gateway = Stack.gateway(stack.kafka(), gateway.port());
        }

        /** Stops the feeds, then the gateway, the job and Kafka. Idempotent. */
        @Override
        public synchronized void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            stop.set(true);
            join(matchThread);
            join(tableThread);
            producer.close(Duration.ofSeconds(5));
            gateway.close();
            stack.close();
        }
    }

    /** Kafka, the job and the gateway, started in that order and closed in reverse. */
    private record Stack(InProcessKafka kafka, LocalJob job, EdgeGateway gateway) {

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
                return new Stack(kafka, job, gateway(kafka, port));
            } catch (Exception e) {
                if (job != null) {
                    job.close();
                }
                kafka.close();
                throw e;
            }
        }

        static EdgeGateway gateway(InProcessKafka kafka, int port) throws InterruptedException {
            EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder(kafka.bootstrapServers())
                    .bindAddress("127.0.0.1")
                    .port(port)
                    .devMode(true)
                    .autoSubscribe(List.of("scores"))
                    .build()).start();
            if (!gateway.awaitReady(Duration.ofMinutes(1))) {
                gateway.close();
                throw new IllegalStateException("the gateway did not catch up with Kafka within a minute");
            }
            return gateway;
        }

        /** Closes the job and Kafka; the gateway is the demo's to close (it may have been replaced). */
        void close() {
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

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "1 min 27 s", "45 s": for a person, not ISO-8601. */
    static String readable(Duration d) {
        long seconds = Math.round(d.toMillis() / 1000.0);
        if (seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return (hours > 0 ? hours + " h " : "") + minutes + " min" + (hours == 0 ? " " + seconds % 60 + " s" : "");
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
