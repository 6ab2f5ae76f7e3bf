package dev.scoreline.bench.bet;

import static dev.scoreline.bench.MarkdownTable.num;
import static dev.scoreline.bench.MarkdownTable.ratio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.Histogram;
import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.bench.Target;
import dev.scoreline.bench.ThreadCpu;
import dev.scoreline.cli.Parsed;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.Credit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Bets through the gateway while a match replays: Kafka in-process, the match job (with its
 * wallets) on a MiniCluster, one gateway, a recorded match fed live (one ball a second), and
 * bettors on a few dozen WebSocket connections sending bets at each level's rate, open loop (a
 * bet does not wait for the one before). A bet's verdict comes after three Kafka hops: the gateway
 * writes it to {@code wallet-events}, the wallet reserves the stake and writes it to {@code
 * match-events}, the match decides and writes the verdict, which the gateway hands back. Per level:
 * bets offered and answered, bet to verdict at the bettor, and each hop's share of the time, from
 * the records' Kafka timestamps and the verdict's {@code decidedAt} (one machine, one clock).
 */
public final class BetBench {

    public record Result(String markdown, List<Target> targets) {}

    private static final int TARGET_RATE = 2_000;
    private static final double TARGET_P99_MS = 150;
    private static final long CHIPS = 1_000_000_000L;
    private static final long GRACE_MILLIS = 3_000;
    private static final String MATCH = "bench-match";

    private record Level(int rate, double seconds, long sent, long accepted, long refused, Histogram toVerdict,
            Histogram gateway, Histogram wallet, Histogram match, Histogram back, double cpuPercent, String busiest) {

        double offered() {
            return sent / seconds;
        }

        double answered() {
            return (accepted + refused) / seconds;
        }
    }

    /** One bet as the bettor saw it. */
    private record Sent(long nanos, long millis) {}

    private final Parsed opts;
    private final Path work;
    private final Consumer<String> log;

    public BetBench(Parsed opts, Path work, Consumer<String> log) {
        this.opts = opts;
        this.work = work;
        this.log = log;
    }

    public Result run() throws Exception {
        List<Integer> rates = opts.get(BenchOptions.BET_RATES);
        int connections = opts.get(BenchOptions.BET_CONNECTIONS);
        int seconds = opts.get(BenchOptions.BET_SECONDS);
        int warmUp = opts.get(BenchOptions.BET_WARM_UP_SECONDS);
        String checkpoints = opts.get(BenchOptions.CHECKPOINT_INTERVAL);
        int parallelism = opts.get(BenchOptions.PARALLELISM);
        Files.createDirectories(work);
        List<MatchEvent> match = recordedMatch();
        List<Level> levels = new ArrayList<>();
        try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"))) {
            for (Topic t : Topic.values()) {
                kafka.createTopic(t.defaultName(), parallelism, t.config());
            }
            String bootstrap = kafka.bootstrapServers();
            GatewayConfig gatewayConfig = GatewayConfig.builder(bootstrap).bindAddress("127.0.0.1").port(0)
                    .devMode(true).movesPerSecond(1_000).moveBurst(2_000).build();
            try (LocalJob job = LocalJob.start(JobOptions.parse("--bootstrap", bootstrap, "--entities", "match",
                            "--starting-offsets", "earliest", "--parallelism", Integer.toString(parallelism),
                            "--checkpoint-interval", checkpoints, "--bet-delay", "0ms"), work.resolve("job"), false);
                    EdgeGateway gateway = new EdgeGateway(gatewayConfig).start();
                    KafkaProducer<String, String> producer = producer(bootstrap)) {
                job.awaitRunning(Duration.ofMinutes(1));
                if (!gateway.awaitReady(Duration.ofMinutes(1)) || !gateway.awaitMovesReady(Duration.ofMinutes(1))) {
                    throw new IllegalStateException("the gateway did not start");
                }
                List<Bettor> bettors = new ArrayList<>();
                Instant now = Instant.now();
                for (int i = 0; i < connections; i++) {
                    String player = "bench-bettor-" + i;
                    producer.send(new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                            Json.string(new Credit("credit:bench", player, now, CHIPS, "bonus"))));
                }
                producer.flush();
                HttpClient http = HttpClient.newHttpClient();
                Map<String, Sent> sent = new ConcurrentHashMap<>();
                Verdicts verdicts = new Verdicts();
                for (int i = 0; i < connections; i++) {
                    bettors.add(Bettor.connect(http, gateway.port(), "bench-bettor-" + i, sent, verdicts));
                }
                Feed feed = new Feed(producer, match);
                feed.start();
                try {
                    Await.open(feed);
                    for (int rate : rates) {
                        levels.add(level(rate, seconds, warmUp, bettors, feed, sent, verdicts, bootstrap));
                    }
                } finally {
                    feed.stop();
                    bettors.forEach(Bettor::close);
                }
            }
        }
        return report(levels, connections, seconds, warmUp, checkpoints, parallelism);
    }

    /** The longest recorded match, a T20 of some 250 balls: at a ball a second it outlasts a run. */
    private List<MatchEvent> recordedMatch() throws Exception {
        Path dir = BenchOptions.matches(opts);
        List<MatchEvent> longest = List.of();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                List<MatchEvent> events = CricsheetConverter.convert(f);
                if (events.size() > longest.size()) {
                    longest = events;
                }
            }
        }
        List<MatchEvent> renamed = new ArrayList<>();
        for (MatchEvent e : longest) {
            ObjectNode tree = (ObjectNode) Json.tree(e);
            tree.put("matchId", MATCH);
            tree.put("eventId", MATCH + ":" + e.eventId());
            renamed.add(Json.convert(tree, MatchEvent.class));
        }
        return renamed;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(p);
    }

    private Level level(int rate, int seconds, int warmUp, List<Bettor> bettors, Feed feed, Map<String, Sent> sent,
            Verdicts verdicts, String bootstrap) throws InterruptedException {
        log.accept(String.format("bets: %d bets/s offered, %d s warm-up, %d s measured", rate, warmUp, seconds));
        AtomicLong count = new AtomicLong();
        Thread pacer = pace(rate, bettors, feed, count);
        Thread.sleep(warmUp * 1000L);
        long from = System.currentTimeMillis();
        long sentBefore = count.get();
        verdicts.window(from, from + seconds * 1000L);
        ThreadCpu cpu = new ThreadCpu();
        Thread.sleep(seconds * 1000L);
        long sentInWindow = count.get() - sentBefore;
        double cpuPercent = cpu.processPercent();
        String busiest = cpu.busiest(6);
        pacer.interrupt();
        pacer.join();
        Thread.sleep(GRACE_MILLIS);
        Verdicts.Window w = verdicts.close();
        Hops hops = Hops.of(bootstrap, w, from, from + seconds * 1000L);
        Level l = new Level(rate, seconds, sentInWindow, w.accepted(), w.refused(), w.toVerdict(), hops.gateway,
                hops.wallet, hops.match, hops.back, cpuPercent, busiest);
        log.accept(String.format("bets: offered %.0f/s, answered %.0f/s, verdict p50 %.1f ms p99 %.1f ms, CPU %.0f%%",
                l.offered(), l.answered(), l.toVerdict().percentileMillis(0.5), l.toVerdict().percentileMillis(0.99),
                cpuPercent));
        return l;
    }

    /**
     * Sends one bet per slot at {@code rate}, round-robin over the bettors: nine in ten on the next
     * ball, one on the coming over, as in-play betting goes (a ball's bets are decided within a
     * second, so no bettor comes near the hundred bets a player may have waiting).
     */
    private static Thread pace(int rate, List<Bettor> bettors, Feed feed, AtomicLong count) {
        Thread t = new Thread(() -> {
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            int i = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                if (now < next) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                next = Math.max(next, now - 1_000_000_000L) + interval;
                Bettor b = bettors.get(i++ % bettors.size());
                String market = i % 10 == 0 ? feed.comingOver() : feed.nextBall();
                String outcome = market.startsWith("over:") ? "5-8" : "dot";
                b.bet(market, outcome, 1 + i % 20);
                count.incrementAndGet();
            }
        }, "bet-pacer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Every verdict the bettors read, and those of the bets sent within the measured window. */
    static final class Verdicts {
        record Answer(String eventId, long sentMillis, long atMillis, boolean accepted) {}

        record Window(List<Answer> answers, Histogram toVerdict, long accepted, long refused) {}

        private volatile long from = Long.MAX_VALUE;
        private volatile long until = Long.MIN_VALUE;
        private final List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Histogram toVerdict = new Histogram();

        void window(long fromMillis, long untilMillis) {
            answers.clear();
            synchronized (toVerdict) {
                toVerdict.reset();
            }
            from = fromMillis;
            until = untilMillis;
        }

        void answered(String eventId, Sent sent, JsonNode verdict, long atNanos, long atMillis) {
            if (sent.millis() < from || sent.millis() >= until) {
                return;
            }
            synchronized (toVerdict) {
                toVerdict.recordNanos(atNanos - sent.nanos());
            }
            answers.add(new Answer(eventId, sent.millis(), atMillis, verdict.path("accepted").asBoolean()));
        }

        Window close() {
            from = Long.MAX_VALUE;
            List<Answer> copy;
            synchronized (answers) {
                copy = List.copyOf(answers);
            }
            Histogram h = new Histogram();
            synchronized (toVerdict) {
                h.add(toVerdict);
            }
            long accepted = copy.stream().filter(Answer::accepted).count();
            return new Window(copy, h, accepted, copy.size() - accepted);
        }
    }

    /** A bettor's connection: bets go out as {@code act} frames, verdicts come back on it. */
    static final class Bettor implements WebSocket.Listener {
        private final String player;
        private final Map<String, Sent> sent;
        private final Verdicts verdicts;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicInteger ids = new AtomicInteger();
        private WebSocket socket;
        private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

        private Bettor(String player, Map<String, Sent> sent, Verdicts verdicts) {
            this.player = player;
            this.sent = sent;
            this.verdicts = verdicts;
        }

        static Bettor connect(HttpClient http, int port, String player, Map<String, Sent> sent, Verdicts verdicts) {
            Bettor b = new Bettor(player, sent, verdicts);
            b.socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + Tokens.issuePlayer(GatewayConfig.DEV_SECRET, player, null))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), b).join();
            return b;
        }

        synchronized void bet(String market, String outcome, long stake) {
            String id = "b" + ids.incrementAndGet();
            sent.put(Actions.eventId(player, id), new Sent(System.nanoTime(), System.currentTimeMillis()));
            String frame = Json.string(Map.of("type", "act", "id", id, "channel", "match:" + MATCH, "action",
                    Map.of("type", "bet.place", "market", market, "outcome", outcome, "stake", stake)));
            WebSocket ws = socket;
            sending = sending.handle((w, e) -> null).thenCompose(ignored -> ws.sendText(frame, true));
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long atNanos = System.nanoTime();
                long atMillis = System.currentTimeMillis();
                JsonNode m = Json.tree(partial.toString());
                partial.setLength(0);
                if (m.path("type").asText().equals("verdict")) {
                    String eventId = Actions.eventId(player, m.path("id").asText());
                    Sent s = sent.remove(eventId);
                    if (s != null) {
                        verdicts.answered(eventId, s, m, atNanos, atMillis);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }
    }

    /** The recorded match, one event a second, each stamped with the time it is sent. */
    static final class Feed {
        private final KafkaProducer<String, String> producer;
        private final List<MatchEvent> events;
        private final Thread thread;
        private volatile int innings;
        private volatile int delivered;
        private volatile int over = -1;

        Feed(KafkaProducer<String, String> producer, List<MatchEvent> events) {
            this.producer = producer;
            this.events = events;
            this.thread = new Thread(this::run, "bet-feed");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            thread.interrupt();
        }

        boolean started() {
            return innings > 0;
        }

        String nextBall() {
            return "ball:" + Math.max(1, innings) + "." + (delivered + 1);
        }

        String comingOver() {
            return "over:" + Math.max(1, innings) + "." + (over + 1);
        }

        private void run() {
            try {
                for (MatchEvent e : events) {
                    ObjectNode live = (ObjectNode) Json.tree(e);
                    live.put("eventTime", Instant.now().toString());
                    producer.send(new ProducerRecord<>(Topic.MATCH_EVENTS.defaultName(), MATCH, Json.string(live)));
                    if (e instanceof InningsStart) {
                        innings++;
                        delivered = 0;
                        over = -1;
                    } else if (e instanceof Delivery d) {
                        delivered++;
                        over = d.over();
                    }
                    Thread.sleep(e instanceof Delivery ? 1_000 : 200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the match's first innings: before it, the markets the bettors bet on are not there. */
    private static final class Await {
        static void open(Feed feed) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!feed.started() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2_000);
        }
    }

    /**
     * Where a bet's time goes, from the Kafka timestamps of its records: the gateway's write to
     * {@code wallet-events} (the producer's time), the wallet's forward to {@code match-events} (the
     * broker's append time) and the verdict's {@code decidedAt} on {@code verdicts}.
     */
    static final class Hops {
        final Histogram gateway = new Histogram();
        final Histogram wallet = new Histogram();
        final Histogram match = new Histogram();
        final Histogram back = new Histogram();

        static Hops of(String bootstrap, Verdicts.Window w, long fromMillis, long untilMillis) {
            Map<String, Long> inWallet = timestamps(bootstrap, Topic.WALLET_EVENTS.defaultName(), fromMillis, false);
            Map<String, Long> inMatch = timestamps(bootstrap, Topic.MATCH_EVENTS.defaultName(), fromMillis, false);
            Map<String, Long> decidedAt = timestamps(bootstrap, Topic.VERDICTS.defaultName(), fromMillis, true);
            Hops h = new Hops();
            for (Verdicts.Answer a : w.answers()) {
                Long walletAt = inWallet.get(a.eventId());
                Long matchAt = inMatch.get(a.eventId());
                Long decided = decidedAt.get(a.eventId());
                if (walletAt == null || decided == null) {
                    continue;
                }
                h.gateway.record(1000 * Math.max(0, walletAt - a.sentMillis()));
                if (matchAt != null) {
                    h.wallet.record(1000 * Math.max(0, matchAt - walletAt));
                    h.match.record(1000 * Math.max(0, decided - matchAt));
                }
                h.back.record(1000 * Math.max(0, a.atMillis() - decided));
            }
            return h;
        }

        /**
         * The timestamp of each player's action on {@code topic} from {@code fromMillis} on, by event
         * id; for a verdict, when it was decided.
         */
        private static Map<String, Long> timestamps(String bootstrap, String topic, long fromMillis, boolean decided) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
            Map<String, Long> at = new HashMap<>();
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                c.assign(parts);
                Map<TopicPartition, Long> query = new HashMap<>();
                parts.forEach(tp -> query.put(tp, fromMillis - 5_000));
                c.offsetsForTimes(query).forEach((tp, o) -> {
                    if (o == null) {
                        c.seekToEnd(List.of(tp));
                    } else {
                        c.seek(tp, o.offset());
                    }
                });
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        JsonNode value = Json.tree(r.value());
                        String id = value.path("eventId").asText();
                        if (id.startsWith("act:")) {
                            at.putIfAbsent(id, decided ? Instant.parse(value.path("decidedAt").asText()).toEpochMilli()
                                    : r.timestamp());
                        }
                    }
                }
            }
            return at;
        }
    }

    private static Result report(List<Level> levels, int connections, int seconds, int warmUp, String checkpoints,
            int parallelism) {
        Level base = levels.get(0);
        MarkdownTable t = new MarkdownTable("Bets through the gateway while a match replays: bet to verdict, and "
                + "each Kafka hop's share", "offered target bets/s", "offered bets/s", "answered bets/s",
                "answered/offered", "bets measured", "verdict p50 ms", "verdict p99 ms", "verdict p99.9 ms",
                "verdict p99 / first level's", "gateway -> wallet-events p50/p99 ms",
                "wallet -> match-events p50/p99 ms", "match decides p50/p99 ms", "verdict -> bettor p50/p99 ms",
                "refused", "process CPU % of a core");
        for (Level l : levels) {
            t.row(l.rate(), num(l.offered(), 0), num(l.answered(), 0), ratio(l.answered(), l.offered()),
                    l.toVerdict().count(), ms(l.toVerdict(), 0.5), ms(l.toVerdict(), 0.99), ms(l.toVerdict(), 0.999),
                    ratio(l.toVerdict().percentileMillis(0.99), base.toVerdict().percentileMillis(0.99)),
                    pair(l.gateway()), pair(l.wallet()), pair(l.match()), pair(l.back()), l.refused(),
                    num(l.cpuPercent(), 0));
        }
        t.note(String.format("%d bettors, one WebSocket each, one gateway; the match job with its wallets at "
                + "parallelism %d with RocksDB, checkpoints every %s, bet delay 0; Kafka: all in one JVM, one clock; "
                + "a recorded T20 fed live, a ball a second. Each level: %d s warm-up, %d s measured; bets sent open "
                + "loop by one pacer, nine in ten on the next ball, one in ten on the coming over (refused when the "
                + "ball beat it: an answer all the same). Hops, from Kafka timestamps: gateway -> wallet-events is the "
                + "bettor's send to the gateway's producer stamping the bet (the WebSocket and the gateway); wallet "
                + "-> match-events from there to the broker appending the wallet's forward (Kafka, the job's source, "
                + "the wallet, its sink); match decides from there to the verdict's decidedAt (the job's source and "
                + "the match); verdict -> bettor from there to the bettor reading it (the job's sink, Kafka, the "
                + "gateway's verdict consumer, the WebSocket).", connections, parallelism, checkpoints, warmUp,
                seconds));
        StringBuilder out = new StringBuilder(t.markdown());
        List<Target> targets = new ArrayList<>();
        Level atTarget = levels.stream().filter(l -> l.rate() >= TARGET_RATE).findFirst().orElse(null);
        if (atTarget != null) {
            double p99 = atTarget.toVerdict().percentileMillis(0.99);
            boolean reached = atTarget.offered() >= 0.95 * atTarget.rate() && atTarget.answered() >= 0.95 * atTarget.offered();
            String measured = "p99 " + num(p99, 1) + " ms at " + num(atTarget.answered(), 0) + " bets/s answered";
            targets.add(reached
                    ? new Target("bet -> verdict p99 <= 150 ms at 2k bets/s while a match replays", measured,
                            p99 <= TARGET_P99_MS, num(Math.abs(TARGET_P99_MS - p99), 1) + " ms "
                                    + (p99 <= TARGET_P99_MS ? "to spare" : "over"))
                    : new Target("bet -> verdict p99 <= 150 ms at 2k bets/s while a match replays", measured, false,
                            "load not reached: " + num(atTarget.answered(), 0) + " of " + atTarget.rate() + " bets/s"));
        }
        for (Level l : levels) {
            out.append(String.format("%nAt %d bets/s, process CPU %s%% of one core; busiest threads: %s.", l.rate(),
                    num(l.cpuPercent(), 0), l.busiest()));
        }
        out.append('\n');
        return new Result(out.toString(), targets);
    }

    private static String pair(Histogram h) {
        return h.count() == 0 ? "-" : num(h.percentileMillis(0.5), 1) + " / " + num(h.percentileMillis(0.99), 1);
    }

    private static String ms(Histogram h, double p) {
        return num(h.percentileMillis(p), 1);
    }
}
