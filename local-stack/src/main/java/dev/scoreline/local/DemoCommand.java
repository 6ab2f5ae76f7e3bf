package dev.scoreline.local;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import dev.scoreline.cli.ValueType;
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
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;

/**
 * {@code ./scoreline demo}: the whole system in this JVM. Every run starts fresh: the demo's Kafka
 * data and checkpoints are wiped first (once no other demo holds the directory), so the replays and
 * the page begin at the first ball.
 * {@link #start} runs the same demo without the console loop, for tests.
 */
final class DemoCommand implements Command {

    static final Option<Integer> PORT = Option.of("port", ValueType.integer(0, 65535)).byDefault(8080)
            .help("the page and the gateway; another free port when taken");
    static final Option<Integer> KAFKA_PORT = Option.of("kafka-port", ValueType.integer(0, 65535)).byDefault(9092)
            .help("the Kafka broker, for kcat and Flink SQL; another free port when taken");
    static final Option<Integer> WEB_UI_PORT = Option.of("web-ui-port", ValueType.integer(0, 65535)).byDefault(8081)
            .help("Flink's web UI and REST API; another free port when taken");
    static final Option<Double> SPEED = Option.of("speed", ValueType.decimal(0, 100_000)).byDefault(30.0)
            .help("matches at X times real pace; a T20 ball comes every ~40 s");
    static final Option<Path> MATCHES = Option.of("matches", ValueType.path("DIR"))
            .defaultText("the bundled data/cricsheet").help("a folder of Cricsheet JSON files");
    static final Option<Integer> TABLES = Option.of("tables", ValueType.integer(0, 100)).byDefault(4)
            .help("how many tables, demo-1 ... demo-N, each with bots playing through the gateway");
    static final Option<Path> DIR = Option.of("dir", ValueType.path("DIR")).byDefault(Path.of(".scoreline/demo"))
            .help("where Kafka's data and the checkpoints go; every run starts from scratch there");

    static final Options OPTIONS = Options.command("./scoreline demo", """
            Starts a Kafka broker, the Flink job (MiniCluster, RocksDB, checkpoints), a gateway, \
            replays of recorded matches and Teen Patti tables with bots playing through the gateway (and seats \
            free for you), all in this JVM, and prints \
            where each part is: the page's URL, the Kafka bootstrap, the metrics and Flink's web UI. \
            Ctrl-C stops everything.""")
            .with(PORT, KAFKA_PORT, WEB_UI_PORT, SPEED, MATCHES, TABLES, DIR);

    @Override
    public Options options() {
        return OPTIONS;
    }

    /** What a demo runs: the command's options. A port of 0 is any free one. */
    record Settings(int port, int kafkaPort, int webUiPort, double speed, Path matches, int tables, Path dir) {

        static Settings parse(String[] arguments, Path home) {
            Parsed args = OPTIONS.parse(arguments);
            return new Settings(
                    args.get(PORT),
                    args.get(KAFKA_PORT),
                    args.get(WEB_UI_PORT),
                    args.get(SPEED),
                    args.has(MATCHES) ? args.get(MATCHES) : home.resolve("data/cricsheet"),
                    args.get(TABLES),
                    args.get(DIR).toAbsolutePath());
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
     * Starts a demo: takes {@code settings.dir()} (refusing when another demo has it), wipes it,
     * starts Kafka, the job and the gateway on the documented ports where they are free, then the
     * match replay and the simulated tables, and prints what it did and where each part is to
     * {@code out}.
     */
    static Demo start(Settings settings, PrintStream out) throws Exception {
        List<List<MatchEvent>> matches = load(settings.matches());
        long started = System.nanoTime();
        DemoLock lock = DemoLock.acquire(settings.dir());
        Demo demo;
        try {
            out.printf("Scoreline demo: %s at %s, %s. Starting...%n",
                    count(matches.size(), "recorded match", "recorded matches"),
                    settings.speed() == 0 ? "full speed" : settings.speed() + "x",
                    count(settings.tables(), "table", "tables"));
            int kafkaPort = Ports.preferred(settings.kafkaPort(), Ports::free);
            int gatewayPort = Ports.preferred(settings.port(), Ports::free);
            int webUiPort = Ports.preferred(settings.webUiPort(), Ports::free);
            wipe(settings.dir());
            Stack stack = Stack.start(settings.dir(), kafkaPort, gatewayPort, webUiPort, settings.speed());
            try {
                demo = new Demo(stack, new MatchReplay(matches), settings, lock);
            } catch (Exception | Error e) {
                stack.close();
                throw e;
            }
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
        out.printf("Ready in %.1f s. Open %s (the replay takes about %s; Ctrl-C stops it)%n",
                (System.nanoTime() - started) / 1e9, demo.url(), readable(demo.replay.length(settings.speed())));
        out.printf("  page and gateway  %s%s%n", demo.url(), Ports.note(settings.port(), demo.port()));
        out.printf("  metrics           %smetrics%n", demo.url());
        out.printf("  Kafka bootstrap   %s%s%n", demo.bootstrapServers(),
                Ports.note(settings.kafkaPort(), demo.kafkaPort()));
        out.printf("  Flink web UI      %s%s%n", demo.webUi(), Ports.note(settings.webUiPort(), demo.webUi().getPort()));
        return demo;
    }

    /** A running demo: the stack, the match replay and the tables' bots. */
    static final class Demo implements AutoCloseable {

        private final Stack stack;
        private final MatchReplay replay;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicInteger balls = new AtomicInteger();
        private final Producer<String, String> producer;
        private final Thread matchThread;
        private final DemoTables tables;
        private final DemoBettors bettors;
        private final DemoLock lock;
        private volatile EdgeGateway gateway;

        private Demo(Stack stack, MatchReplay replay, Settings settings, DemoLock lock) {
            this.stack = stack;
            this.lock = lock;
            this.replay = replay;
            this.gateway = stack.gateway();
            this.producer = Producers.feed(stack.kafka().bootstrapServers(), "scoreline-demo");
            this.matchThread = feedThread("demo-matches", () -> replay.run(producer, Topic.MATCH_EVENTS.defaultName(),
                    settings.speed(), balls::set, stop::get));
            this.tables = new DemoTables(settings.tables());
            this.bettors = new DemoBettors(replay.matchIds(), bettorThink(settings.speed()));
            tables.open(producer, Topic.TABLE_EVENTS.defaultName(), Topic.WALLET_EVENTS.defaultName());
            bettors.credit(producer, Topic.WALLET_EVENTS.defaultName());
            matchThread.start();
            tables.play(gateway.port());
            bettors.bet(gateway.port());
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

        int kafkaPort() {
            String bootstrap = bootstrapServers();
            return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        }

        /** Flink's web UI (and REST API) of the job's MiniCluster. */
        URI webUi() {
            return stack.job().cluster().getRestAddress().join();
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
            return "match events " + balls.get() + "/" + replay.events() + ", bots' moves " + tables.moves()
                    + ", bets " + bettors.verdicts()
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
            tables.play(gateway.port());
            bettors.bet(gateway.port());
        }

        /** Stops the feeds, then the gateway, the job and Kafka. Idempotent. */
        @Override
        public synchronized void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            stop.set(true);
            join(matchThread);
            tables.close();
            bettors.close();
            producer.close(Duration.ofSeconds(5));
            gateway.close();
            stack.close();
            lock.close();
        }
    }

    /** A bettor thinks for a tenth of the time between two balls at this pace, at most 2 s. */
    private static Duration bettorThink(double speed) {
        return Duration.ofMillis(speed <= 0 ? 0 : (long) Math.min(2_000, 4_000 / speed));
    }

    /**
     * The bet delay at this pace: two seconds of the match, which at 30 times real pace is 67 ms of
     * the replay's (the job takes it as an option; a live job keeps its two real seconds).
     */
    static Duration betDelay(double speed) {
        return Duration.ofMillis(speed <= 0 ? 0 : (long) (2_000 / Math.max(1, speed)));
    }

    /** Kafka, the job and the gateway, started in that order and closed in reverse. */
    private record Stack(InProcessKafka kafka, LocalJob job, EdgeGateway gateway) {

        static Stack start(Path dir, int kafkaPort, int port, int webUiPort, double speed) throws Exception {
            InProcessKafka kafka = InProcessKafka.start(dir.resolve("kafka"), kafkaPort);
            LocalJob job = null;
            try {
                ProjectTopics.create(kafka, 4);
                job = LocalJob.start(JobOptions.parse(
                        "--bootstrap", kafka.bootstrapServers(),
                        "--dealer-secret-file", dealerSecret(dir).toString(),
                        "--starting-offsets", "earliest",
                        "--parallelism", "2",
                        "--checkpoint-interval", "10s",
                        "--bet-delay", betDelay(speed).toMillis() + "ms"), dir.resolve("job"), false, webUiPort);
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

        /** A fresh dealer secret for this run: a demo starts from scratch, and nobody else knows it. */
        private static Path dealerSecret(Path dir) throws IOException {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Path file = dir.resolve("dealer-secret");
            Files.createDirectories(dir);
            Files.writeString(file, HexFormat.of().formatHex(secret));
            return file;
        }

        static EdgeGateway gateway(InProcessKafka kafka, int port) throws InterruptedException {
            EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder(kafka.bootstrapServers())
                    .bindAddress("127.0.0.1")
                    .port(port)
                    .devMode(true)
                    .autoSubscribe(List.of("scores"))
                    .build()).start();
            if (!gateway.awaitReady(Duration.ofMinutes(1)) || !gateway.awaitMovesReady(Duration.ofMinutes(1))) {
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
            throw new UsageException("--matches: no such folder: " + dir);
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
            throw new UsageException("--matches: no Cricsheet JSON file in " + dir);
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

    /** Empties the directory but for the lock this demo holds in it. */
    private static void wipe(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(dir.resolve(DemoLock.FILE_NAME))) {
                    Files.delete(p);
                }
            }
        }
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
