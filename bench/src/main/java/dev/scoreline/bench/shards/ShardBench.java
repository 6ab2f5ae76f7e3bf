package dev.scoreline.bench.shards;

import static dev.scoreline.bench.MarkdownTable.bytes;
import static dev.scoreline.bench.MarkdownTable.num;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.bench.Target;
import dev.scoreline.cli.Parsed;
import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.Credit;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./scoreline bench shards}: the real job keeps the wallets of many players changing (each
 * change a delta of a private channel) while a recorded match replays (public deltas); fleets of 1,
 * then 4, then 8 gateways (in this process, each its own consumer of the gateways' group) follow
 * them. For each fleet: what share of the private deltas each gateway read and what share of the
 * private channels it holds, against the one gateway of the first fleet, which reads and holds all
 * of them (today's cost for every gateway), and the public deltas each read.
 */
public final class ShardBench {

    public record Result(String markdown, List<Target> targets) {}

    private record Member(int fleet, int index, long privateRecords, double privateBytes, int privateChannels,
            long publicRecords, int partitions) {}

    private record Fleet(int size, long privateProduced, long publicProduced, double seconds, List<Member> members,
            long heapBytes) {}

    private static final long CHIPS = 1_000;

    private final Parsed opts;
    private final Path work;
    private final Consumer<String> log;

    public ShardBench(Parsed opts, Path work, Consumer<String> log) {
        this.opts = opts;
        this.work = work;
        this.log = log;
    }

    public Result run() throws Exception {
        return opts.has(BenchOptions.SHARD_OBSERVE) ? observe(opts.get(BenchOptions.SHARD_OBSERVE)) : fleets();
    }

    /**
     * The model's inputs from a running system (the demo, say): what its job writes to
     * {@code private-deltas} for {@code --shard-seconds}, per player.
     */
    private Result observe(String bootstrap) {
        int seconds = opts.get(BenchOptions.SHARD_SECONDS);
        String topic = Topic.PRIVATE_DELTAS.defaultName();
        Set<String> channels = new HashSet<>();
        Set<String> players = new HashSet<>();
        long records = 0;
        long bytes = 0;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position);
            log.accept("reading " + topic + " at " + bootstrap + " for " + seconds + " s");
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                for (var r : c.poll(Duration.ofMillis(200))) {
                    String channel = new String(r.key(), StandardCharsets.UTF_8);
                    channels.add(channel);
                    players.add(Channel.ownerOf(channel));
                    records++;
                    bytes += r.serializedValueSize();
                }
            }
        }
        double minutes = seconds / 60.0;
        MarkdownTable t = new MarkdownTable("The private channels of a running system, per player",
                "seconds", "players whose channels changed", "private channels that changed", "private deltas",
                "deltas per player per minute (r)", "channels per player (c)", "bytes per delta (b)");
        t.row(seconds, players.size(), channels.size(), records, num(records / Math.max(1, players.size()) / minutes, 1),
                num(channels.size() / (double) Math.max(1, players.size()), 2), bytes(bytes / (double) Math.max(1, records)));
        return new Result(t.markdown(), List.of());
    }

    private Result fleets() throws Exception {
        List<Integer> fleets = opts.get(BenchOptions.SHARD_GATEWAYS);
        int players = opts.get(BenchOptions.SHARD_PLAYERS);
        int partitions = opts.get(BenchOptions.SHARD_PARTITIONS);
        int seconds = opts.get(BenchOptions.SHARD_SECONDS);
        int rate = opts.get(BenchOptions.SHARD_RATE);
        List<Fleet> results = new ArrayList<>();
        double deltaBytes;
        try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"))) {
            for (Topic t : Topic.values()) {
                kafka.createTopic(t.defaultName(), partitions, t.config());
            }
            String bootstrap = kafka.bootstrapServers();
            AtomicBoolean running = new AtomicBoolean(true);
            try (LocalJob job = LocalJob.start(JobOptions.parse("--bootstrap", bootstrap, "--entities", "match",
                            "--starting-offsets", "earliest", "--parallelism", "2", "--checkpoint-interval", "10s"),
                            work.resolve("job"), false);
                    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, "5"),
                            new StringSerializer(), new StringSerializer())) {
                job.awaitRunning(Duration.ofMinutes(1));
                Thread load = new Thread(() -> credit(producer, players, rate, running), "shard-bench-credits");
                load.setDaemon(true);
                load.start();
                Thread match = new Thread(() -> replay(producer, running), "shard-bench-match");
                match.setDaemon(true);
                match.start();
                awaitEnd(bootstrap, Topic.PRIVATE_SNAPSHOTS.defaultName(), players);
                for (int size : fleets) {
                    results.add(fleet(bootstrap, size, players, seconds));
                }
                running.set(false);
                Member alone = results.get(0).members().get(0);
                deltaBytes = alone.privateBytes() / Math.max(1, alone.privateRecords());
            }
        }
        return report(results, players, partitions, rate, deltaBytes);
    }

    private Fleet fleet(String bootstrap, int size, int players, int seconds) throws Exception {
        log.accept("fleet of " + size + " gateways");
        long heapBefore = heapAfterGc();
        List<EdgeGateway> gateways = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                gateways.add(new EdgeGateway(GatewayConfig.builder(bootstrap).bindAddress("127.0.0.1").port(0)
                        .devMode(true).ioThreads(1).privateGroup("bench-shards-" + size).build()).start());
            }
            for (EdgeGateway g : gateways) {
                if (!g.awaitReady(Duration.ofMinutes(2))) {
                    throw new IllegalStateException("a gateway of the fleet of " + size + " did not start");
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (gateways.stream().mapToDouble(g -> gauge(g, "scoreline_gateway_private_channels")).sum() < players
                    || gateways.stream().anyMatch(g -> gauge(g, "scoreline_gateway_private_partitions") == 0)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the fleet of " + size + " never held every wallet once");
                }
                Thread.sleep(200);
            }
            long heap = heapAfterGc() - heapBefore;
            awaitCaughtUp(gateways);
            long[] privateStart = new long[size];
            double[] bytesStart = new double[size];
            long[] publicStart = new long[size];
            for (int i = 0; i < size; i++) {
                privateStart[i] = records(gateways.get(i), Topic.PRIVATE_DELTAS.defaultName());
                bytesStart[i] = feedBytes(gateways.get(i), Topic.PRIVATE_DELTAS.defaultName());
                publicStart[i] = records(gateways.get(i), Topic.STATE_DELTAS.defaultName());
            }
            long producedPrivate = endOffsets(bootstrap, Topic.PRIVATE_DELTAS.defaultName());
            long producedPublic = endOffsets(bootstrap, Topic.STATE_DELTAS.defaultName());
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long privateProduced = endOffsets(bootstrap, Topic.PRIVATE_DELTAS.defaultName()) - producedPrivate;
            long publicProduced = endOffsets(bootstrap, Topic.STATE_DELTAS.defaultName()) - producedPublic;
            awaitCaughtUp(gateways);
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                EdgeGateway g = gateways.get(i);
                members.add(new Member(size, i + 1, records(g, Topic.PRIVATE_DELTAS.defaultName()) - privateStart[i],
                        feedBytes(g, Topic.PRIVATE_DELTAS.defaultName()) - bytesStart[i],
                        (int) gauge(g, "scoreline_gateway_private_channels"),
                        records(g, Topic.STATE_DELTAS.defaultName()) - publicStart[i],
                        (int) gauge(g, "scoreline_gateway_private_partitions")));
            }
            return new Fleet(size, privateProduced, publicProduced, elapsed, members, heap);
        } finally {
            gateways.forEach(EdgeGateway::close);
        }
    }

    private static Result report(List<Fleet> fleets, int players, int partitions, int rate, double deltaBytes) {
        Fleet base = fleets.get(0);
        double basePublic = base.members().stream().mapToLong(Member::publicRecords).max().orElse(1);
        MarkdownTable t = new MarkdownTable("Private channels shared out among the gateways: what each gateway reads "
                + "and holds", "gateways", "gateway", "partitions", "private deltas read", "share of the fleet's reads",
                "model (1/gateways)", "fleet's reads / written", "private bytes read/s",
                "private channels held", "share of all", "public deltas read", "vs one gateway alone (public)");
        List<Target> targets = new ArrayList<>();
        for (Fleet f : fleets) {
            double fleetRead = f.members().stream().mapToLong(Member::privateRecords).sum();
            double worstRead = 0;
            double worstHeld = 0;
            for (Member m : f.members()) {
                double read = m.privateRecords() / Math.max(1, fleetRead);
                double held = m.privateChannels() / (double) players;
                worstRead = Math.max(worstRead, read);
                worstHeld = Math.max(worstHeld, held);
                t.row(f.size(), m.index(), m.partitions(), m.privateRecords(), pct(read), pct(1.0 / f.size()),
                        num(fleetRead / Math.max(1, f.privateProduced()), 2),
                        bytes(m.privateBytes() / f.seconds()), m.privateChannels(), pct(held), m.publicRecords(),
                        num(m.publicRecords() / basePublic, 2) + "x");
            }
            double limit = f.size() >= 8 ? 0.15 : f.size() >= 4 ? 0.30 : 1.0;
            if (f.size() >= 4) {
                targets.add(new Target("shards: with " + f.size() + " gateways each reads <= " + pct(limit)
                        + " of the private deltas", pct(worstRead), worstRead <= limit, pct(limit - worstRead) + " to spare"));
                targets.add(new Target("shards: with " + f.size() + " gateways each holds <= " + pct(limit)
                        + " of the private channels", pct(worstHeld), worstHeld <= limit, pct(limit - worstHeld) + " to spare"));
            }
        }
        long heapPerChannel = base.heapBytes() / Math.max(1, players);
        t.note(String.format("%d players whose wallets the job changes %d times a second in all (credits); %d "
                        + "partitions of the private topics; a recorded match replays on the public ones. Each fleet "
                        + "is measured over the same length of time once it has caught up; its reads over what was "
                        + "written then are a little above 1 because it reads on while it catches up at the end, and "
                        + "never below: no private delta is left unread. Model inputs measured here: %s per private "
                        + "delta (mean value size), about %s of heap per channel a gateway holds (heap after GC with "
                        + "the one gateway of the first fleet, less before it, over its private channels).",
                players, rate, partitions, bytes(deltaBytes), bytes(heapPerChannel)));
        return new Result(t.markdown(), targets);
    }

    private static String pct(double share) {
        return num(share * 100, 1) + "%";
    }

    private void credit(KafkaProducer<String, String> producer, int players, int rate, AtomicBoolean running) {
        long n = 0;
        long start = System.nanoTime();
        while (running.get()) {
            String player = "shard-" + (n % players);
            producer.send(new ProducerRecord<>(Topic.WALLET_EVENTS.defaultName(), player,
                    Json.string(new Credit("credit:" + n, player, Instant.now(), CHIPS, "bonus"))));
            n++;
            long due = start + n * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000);
            }
        }
    }

    /** A recorded match, a ball every 100 ms and again from the start under a new id when it ends. */
    private void replay(KafkaProducer<String, String> producer, AtomicBoolean running) {
        try (var files = Files.list(BenchOptions.matches(opts))) {
            Path first = files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no recorded match in " + BenchOptions.matches(opts)));
            List<MatchEvent> events = CricsheetConverter.convert(first);
            for (int round = 0; running.get(); round++) {
                String match = "shard-match-" + round;
                for (MatchEvent e : events) {
                    if (!running.get()) {
                        return;
                    }
                    ObjectNode live = (ObjectNode) Json.tree(e);
                    live.put("matchId", match);
                    live.put("eventId", match + ":" + e.eventId());
                    producer.send(new ProducerRecord<>(Topic.MATCH_EVENTS.defaultName(), match, Json.string(live)));
                    sleep(100);
                }
            }
        } catch (Exception e) {
            log.accept("match replay stopped: " + e);
        }
    }

    /**
     * Until every gateway has read what was written a moment ago: a window measured between two
     * such moments counts what each gateway read of what was written in it, not a backlog.
     */
    private static void awaitCaughtUp(List<EdgeGateway> gateways) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (gateways.stream().anyMatch(g -> lag(g) > 50) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static double lag(EdgeGateway g) {
        double sum = 0;
        for (String line : metrics(g)) {
            if (line.startsWith("scoreline_gateway_kafka_lag_records{")) {
                sum += value(line);
            }
        }
        return sum;
    }

    private static void awaitEnd(String bootstrap, String topic, int records) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (endOffsets(bootstrap, topic) < records) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + " never held a snapshot of every wallet");
            }
            Thread.sleep(500);
        }
    }

    private static long endOffsets(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            return c.endOffsets(parts, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static long records(EdgeGateway g, String topic) {
        double sum = 0;
        for (String line : metrics(g)) {
            if (line.startsWith("scoreline_gateway_feed_records_total{") && line.contains("topic=\"" + topic + "\"")) {
                sum += value(line);
            }
        }
        return (long) sum;
    }

    private static double feedBytes(EdgeGateway g, String topic) {
        for (String line : metrics(g)) {
            if (line.startsWith("scoreline_gateway_feed_bytes_total{") && line.contains("topic=\"" + topic + "\"")) {
                return value(line);
            }
        }
        return 0;
    }

    private static double gauge(EdgeGateway g, String name) {
        for (String line : metrics(g)) {
            if (line.startsWith(name + " ")) {
                return value(line);
            }
        }
        return 0;
    }

    private static List<String> metrics(EdgeGateway g) {
        return List.of(new String(g.metricsText(), StandardCharsets.UTF_8).split("\n"));
    }

    private static double value(String line) {
        String[] parts = line.trim().split(" ");
        return Double.parseDouble(parts[parts.length - 1]);
    }

    private static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
