package dev.scoreline.bench.play;

import static dev.scoreline.bench.MarkdownTable.num;
import static dev.scoreline.bench.MarkdownTable.ratio;

import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.Histogram;
import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.bench.Target;
import dev.scoreline.bench.ThreadCpu;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Players acting through the gateway: Kafka in-process, the table job on a MiniCluster dealing by
 * itself (a dealer secret, checkpoints), one gateway, tables opened as a table service opens them,
 * and bots on a few hundred WebSocket connections playing them with {@code Bot.decide}. A
 * {@link Pacer} sets the offered moves/s of each level. Per level: moves offered and answered,
 * move to verdict at the mover, move to the table's delta at another player, refusals and errors.
 */
public final class PlayBench {

    public record Result(String markdown, List<Target> targets) {}

    /** The demo's table, but a 20 s turn: a bot waiting for its slot never times out. */
    static final TableConfig CONFIG = new TableConfig(6, 10, 640, 3, 1_000, 20, 100L, 10_000L, true);
    /** What each bot's wallet is credited with once: far more buy-ins than any run plays. */
    static final long BOT_CHIPS = 10_000_000;
    private static final long BUY_IN = 10_000;
    /** The target's load and bound, and the in-datacenter anchor's round trip. */
    private static final int TARGET_RATE = 5_000;
    private static final double TARGET_P99_MS = 100;
    private static final double ANCHOR_P99_MS = 30;
    /** Verdicts of the window's last moves still arrive after it: this long is waited before reading. */
    private static final long GRACE_MILLIS = 3_000;

    private record Level(int rate, double seconds, long sent, long accepted, long refused, long errors,
            String errorCodes, double lostShare, double waitMillis, Histogram toVerdict, Histogram toOthers,
            int unseen, double cpuPercent, String busiest) {

        double offered() {
            return sent / seconds;
        }

        double answered() {
            return (accepted + refused) / seconds;
        }
    }

    private final Parsed opts;
    private final Path work;
    private final Consumer<String> log;

    public PlayBench(Parsed opts, Path work, Consumer<String> log) {
        this.opts = opts;
        this.work = work;
        this.log = log;
    }

    public Result run() throws Exception {
        List<Integer> rates = opts.get(BenchOptions.PLAY_RATES);
        int tables = opts.get(BenchOptions.PLAY_TABLES);
        int botsPerTable = opts.get(BenchOptions.PLAY_BOTS);
        if (botsPerTable < 2 || botsPerTable > CONFIG.seats()) {
            throw new UsageException("--play-bots must be 2 to " + CONFIG.seats() + ": another player must see each move");
        }
        int perConnection = opts.get(BenchOptions.PLAY_TABLES_PER_CONNECTION);
        int seconds = opts.get(BenchOptions.PLAY_SECONDS);
        int warmUp = opts.get(BenchOptions.PLAY_WARM_UP_SECONDS);
        String checkpoints = opts.get(BenchOptions.CHECKPOINT_INTERVAL);
        int parallelism = opts.get(BenchOptions.PARALLELISM);
        Files.createDirectories(work);
        Path secret = work.resolve("dealer-secret");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Files.writeString(secret, HexFormat.of().formatHex(bytes));

        List<Level> levels = new ArrayList<>();
        int connectionCount;
        try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"))) {
            for (Topic t : Topic.values()) {
                kafka.createTopic(t.defaultName(), parallelism, t.config());
            }
            String bootstrap = kafka.bootstrapServers();
            // One connection plays a seat at several tables, standing for that many players' connections:
            // the per-connection move limit and subscription count grow with it.
            GatewayConfig gatewayConfig = GatewayConfig.builder(bootstrap).bindAddress("127.0.0.1").port(0)
                    .devMode(true).movesPerSecond(20 * perConnection).moveBurst(40 * perConnection)
                    .maxSubscriptions(Math.max(64, 2 * perConnection)).build();
            try (LocalJob job = LocalJob.start(JobOptions.parse("--bootstrap", bootstrap, "--entities", "table",
                            "--dealer-secret-file", secret.toString(), "--starting-offsets", "earliest",
                            "--parallelism", Integer.toString(parallelism), "--checkpoint-interval", checkpoints),
                            work.resolve("job"), false);
                    EdgeGateway gateway = new EdgeGateway(gatewayConfig).start()) {
                job.awaitRunning(Duration.ofMinutes(1));
                if (!gateway.awaitReady(Duration.ofMinutes(1))) {
                    throw new IllegalStateException("the gateway did not start");
                }
                openTables(bootstrap, tables, botsPerTable);
                MoveLatencies latencies = new MoveLatencies();
                PlayCounters counters = new PlayCounters();
                try (Pacer pacer = new Pacer(rates.get(0))) {
                    List<PlayConnection> connections = new ArrayList<>();
                    List<SeatBot> bots = new ArrayList<>();
                    List<String> tokens = new ArrayList<>();
                    for (int first = 0; first < tables; first += perConnection) {
                        for (int seat = 1; seat <= botsPerTable; seat++) {
                            PlayConnection c = new PlayConnection(gateway.port());
                            connections.add(c);
                            for (int n = first; n < Math.min(tables, first + perConnection); n++) {
                                String table = tableId(n);
                                String player = table + "-p" + seat;
                                SeatBot bot = new SeatBot(c, table, player, seat, BUY_IN, pacer, latencies,
                                        counters, 31L * n + seat);
                                c.add(bot);
                                bots.add(bot);
                                tokens.add(Tokens.issue(GatewayConfig.DEV_SECRET, table, player, null));
                            }
                        }
                    }
                    connectionCount = connections.size();
                    log.accept(String.format("play: %d tables, %d bots on %d connections", tables, bots.size(),
                            connectionCount));
                    try (PlayConnection.Readers readers = new PlayConnection.Readers(2, connections)) {
                        for (int i = 0; i < bots.size(); i++) {
                            bots.get(i).subscribe(tokens.get(i));
                        }
                        awaitViews(bots);
                        // Seating every bot at the fastest level's rate: a slow first level would spend its
                        // warm-up, and its waits for a slot, on thousands of sits.
                        pacer.rate(rates.stream().mapToInt(Integer::intValue).max().orElseThrow());
                        awaitSeated(bots);
                        for (int rate : rates) {
                            levels.add(level(rate, seconds, warmUp, pacer, latencies, counters));
                        }
                    } finally {
                        connections.forEach(PlayConnection::close);
                    }
                }
            }
        }
        return report(levels, tables, botsPerTable, connectionCount, perConnection, seconds, warmUp, checkpoints,
                parallelism);
    }

    static String tableId(int n) {
        return "bench-" + n;
    }

    /** Opens the tables, and credits every bot's wallet as the game's backend would. */
    private void openTables(String bootstrap, int tables, int botsPerTable) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int n = 0; n < tables; n++) {
                String id = tableId(n);
                producer.send(new ProducerRecord<>(Topic.TABLE_EVENTS.defaultName(), id,
                        Json.string(new TableOpen(id + ":open", id, now, CONFIG))));
                for (int seat = 1; seat <= botsPerTable; seat++) {
                    String player = id + "-p" + seat;
                    producer.send(new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                            Json.string(new Credit("credit:bench", player, now, BOT_CHIPS, "bonus"))));
                }
            }
        }
    }

    /** Waits until every bot holds its table's view (the job has opened them all). */
    private void awaitViews(List<SeatBot> bots) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long missing;
        while ((missing = bots.stream().filter(b -> !b.hasTable()).count()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(missing + " bots got no view of their table in 2 minutes");
            }
            Thread.sleep(500);
        }
    }

    private void awaitSeated(List<SeatBot> bots) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long standing;
        while ((standing = bots.stream().filter(b -> !b.seated()).count()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        log.accept("play: seated " + (bots.size() - standing) + " of " + bots.size() + " bots");
    }

    private Level level(int rate, int seconds, int warmUp, Pacer pacer, MoveLatencies latencies,
            PlayCounters counters) throws InterruptedException {
        pacer.rate(rate);
        log.accept(String.format("play: %d moves/s offered, %d s warm-up, %d s measured", rate, warmUp, seconds));
        Thread.sleep(warmUp * 1000L);
        long from = System.nanoTime();
        long until = from + seconds * 1_000_000_000L;
        latencies.window(from, until);
        counters.window(from, until);
        long lostBefore = pacer.lost();
        ThreadCpu cpu = new ThreadCpu();
        Thread.sleep(seconds * 1000L);
        long lost = pacer.lost() - lostBefore;
        double cpuPercent = cpu.processPercent();
        String busiest = cpu.busiest(6);
        Thread.sleep(GRACE_MILLIS);
        Histogram[] h = latencies.histograms();
        Level l = new Level(rate, seconds, counters.sent(), counters.accepted(), counters.refused(),
                counters.errorCount(), counters.errorsByCode(), (double) lost / ((double) rate * seconds),
                counters.meanWaitMillis(), h[0], h[1], latencies.unseen(), cpuPercent, busiest);
        log.accept(String.format("play: offered %.0f/s, answered %.0f/s, verdict p99 %.1f ms, CPU %.0f%% (%s)",
                l.offered(), l.answered(), h[0].percentileMillis(0.99), cpuPercent, busiest));
        return l;
    }

    private static Result report(List<Level> levels, int tables, int botsPerTable, int connections,
            int perConnection, int seconds, int warmUp, String checkpoints, int parallelism) {
        Level base = levels.get(0);
        MarkdownTable t = new MarkdownTable("Players acting through the gateway: moves against the verdicts and "
                + "the other players' deltas", "offered target moves/s", "offered moves/s", "answered moves/s",
                "answered/offered", "slots with no bot ready", "mean wait for a slot ms", "moves measured",
                "verdict p50 ms", "verdict p99 ms", "verdict p99.9 ms", "other player p50 ms", "other player p99 ms",
                "other player p99.9 ms", "verdict p99 / first level's", "refused", "errors", "process CPU % of a core");
        for (Level l : levels) {
            t.row(l.rate(), num(l.offered(), 0), num(l.answered(), 0), ratio(l.answered(), l.offered()),
                    num(100 * l.lostShare(), 1) + "%", num(l.waitMillis(), 0), l.toVerdict().count(),
                    ms(l.toVerdict(), 0.5), ms(l.toVerdict(), 0.99), ms(l.toVerdict(), 0.999),
                    ms(l.toOthers(), 0.5), ms(l.toOthers(), 0.99), ms(l.toOthers(), 0.999),
                    ratio(l.toVerdict().percentileMillis(0.99), base.toVerdict().percentileMillis(0.99)),
                    l.refused(), l.errors() == 0 ? "0" : l.errors() + " (" + l.errorCodes() + ")",
                    num(l.cpuPercent(), 0));
        }
        t.note(String.format("%d tables (%d bots each, one connection playing a seat at %d tables: %d connections), "
                + "the table job at parallelism %d with RocksDB, checkpoints every %s and its dealer (3 s between "
                + "hands), one gateway, Kafka: all in one JVM, one clock. Each level: %d s warm-up at its rate, then "
                + "%d s measured. A pacer gives the offered rate one slot at a time to the bot that has waited "
                + "longest (its thinking); a slot with no bot ready is lost (every table waiting for a verdict, a "
                + "delta or the dealer). Verdict: from sending the act to the mover reading its verdict. Other player: "
                + "from the same send to another bot at the table reading a table delta at or past the verdict's "
                + "version. Accepted moves no other player saw within 3 s of the window: %s.", tables, botsPerTable,
                perConnection, connections, parallelism, checkpoints, warmUp, seconds,
                String.join(", ", levels.stream().map(l -> l.rate() + "/s " + l.unseen()).toList())));
        StringBuilder out = new StringBuilder(t.markdown());
        Level atTarget = levels.stream().filter(l -> l.rate() >= TARGET_RATE).findFirst().orElse(null);
        List<Target> targets = new ArrayList<>();
        if (atTarget != null) {
            targets.add(target("move -> verdict p99 <= 100 ms at 5k moves/s on this machine", atTarget,
                    atTarget.toVerdict()));
            targets.add(target("move -> another player's delta p99 <= 100 ms at 5k moves/s on this machine",
                    atTarget, atTarget.toOthers()));
            double p99 = atTarget.toVerdict().percentileMillis(0.99);
            out.append('\n').append(String.format("In-datacenter anchor (a hosted real-time service promising p99 < "
                    + "%.0f ms round trip): move -> verdict p99 here %s ms at %s moves/s answered, %s the anchor.%n",
                    ANCHOR_P99_MS, num(p99, 1), num(atTarget.answered(), 0), ratio(p99, ANCHOR_P99_MS)));
            if (!reached(atTarget)) {
                out.append('\n').append(String.format("%s moves/s is beyond this machine with everything in one JVM: "
                        + "%s offered, %s answered; %s of the slots found no bot ready (every table waiting for the "
                        + "system); the process used %s%% of one core (of %d); busiest threads: %s.%n",
                        num(atTarget.rate(), 0), num(atTarget.offered(), 0), num(atTarget.answered(), 0),
                        num(100 * atTarget.lostShare(), 1) + "%", num(atTarget.cpuPercent(), 0),
                        Runtime.getRuntime().availableProcessors() * 100, atTarget.busiest()));
            }
        }
        for (Level l : levels) {
            out.append(String.format("%nAt %d moves/s, process CPU %s%% of one core; busiest threads: %s.", l.rate(),
                    num(l.cpuPercent(), 0), l.busiest()));
        }
        out.append('\n');
        return new Result(out.toString(), targets);
    }

    /** The level carried (within 5%) the load it was given. */
    private static boolean reached(Level l) {
        return l.offered() >= 0.95 * l.rate() && l.answered() >= 0.95 * l.offered();
    }

    private static Target target(String name, Level l, Histogram h) {
        double p99 = h.percentileMillis(0.99);
        String measured = "p99 " + num(p99, 1) + " ms at " + num(l.answered(), 0) + " moves/s answered ("
                + num(l.offered(), 0) + " offered)";
        if (!reached(l)) {
            return new Target(name, measured, false, "load not reached: " + num(l.answered(), 0) + " of "
                    + num(l.rate(), 0) + " moves/s answered (" + ratio(l.answered(), l.rate()) + ")");
        }
        boolean met = p99 <= TARGET_P99_MS;
        return new Target(name, measured, met,
                num(Math.abs(TARGET_P99_MS - p99), 1) + " ms " + (met ? "to spare" : "over"));
    }

    private static String ms(Histogram h, double p) {
        return num(h.percentileMillis(p), 1);
    }
}
