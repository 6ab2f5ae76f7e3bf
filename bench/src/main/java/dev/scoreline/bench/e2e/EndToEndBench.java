package dev.scoreline.bench.e2e;

import static dev.scoreline.bench.MarkdownTable.num;
import static dev.scoreline.bench.MarkdownTable.ratio;

import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.Histogram;
import dev.scoreline.bench.MarkdownTable;
import dev.scoreline.bench.Target;
import dev.scoreline.bench.job.Inputs;
import dev.scoreline.cli.Parsed;
import dev.scoreline.delta.Delta;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.job.JobOptions;
import dev.scoreline.job.LocalJob;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.topic.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End to end, paced: balls of many matches produced into Kafka at a steady rate, the match job
 * (MiniCluster, RocksDB, checkpoints) folding them and publishing deltas, a gateway fanning the
 * deltas out, WebSocket clients subscribed to every match. Each ball's delay is measured twice:
 * until a delta carrying its version is in Kafka (the delta's append time) and until a client
 * reads it. A delta {@code from..to} (or a first snapshot at {@code version}) delivers every ball
 * up to its last version.
 */
public final class EndToEndBench {

    public record Result(String markdown, List<Target> targets) {}

    /** When each event of one match was produced, by version (the n-th event is version n). */
    private static final class Sent {
        final long[] nanos;
        final long[] millis;
        int delivered;
        int inKafka;

        Sent(int n) {
            nanos = new long[n + 1];
            millis = new long[n + 1];
        }
    }

    private final Parsed opts;
    private final Path work;
    private final Consumer<String> log;

    public EndToEndBench(Parsed opts, Path work, Consumer<String> log) {
        this.opts = opts;
        this.work = work;
        this.log = log;
    }

    public Result run() throws Exception {
        int rate = opts.get(BenchOptions.BALLS_PER_SECOND);
        int matchCount = opts.get(BenchOptions.E2E_MATCHES);
        int seconds = opts.get(BenchOptions.E2E_SECONDS);
        int warmUp = opts.get(BenchOptions.E2E_WARM_UP_SECONDS);
        String batch = opts.get(BenchOptions.BATCH_INTERVAL);
        long batchMillis = org.apache.flink.util.TimeUtils.parseDuration(batch).toMillis();
        List<List<Inputs.Keyed>> matches = Inputs.copies(Inputs.recorded(BenchOptions.matches(opts)), matchCount, "e2e-");
        Map<String, Sent> sent = new ConcurrentHashMap<>();
        for (List<Inputs.Keyed> m : matches) {
            sent.put(m.get(0).key(), new Sent(m.size()));
        }
        Histogram toKafka = new Histogram();
        Histogram toClient = new Histogram();
        long[] warmEnd = {Long.MAX_VALUE};
        long[] warmEndMillis = {Long.MAX_VALUE};
        Stalls stalls = new Stalls();

        try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"))) {
            for (Topic t : Topic.values()) {
                Map<String, String> config = new HashMap<>(t.config());
                if (t == Topic.STATE_DELTAS) {
                    config.put("message.timestamp.type", "LogAppendTime");
                }
                kafka.createTopic(t.defaultName(), 2, config);
            }
            String bootstrap = kafka.bootstrapServers();
            try (LocalJob job = LocalJob.start(JobOptions.parse("--bootstrap", bootstrap, "--entities", "match",
                            "--starting-offsets", "earliest", "--parallelism", "2", "--checkpoint-interval", "5s",
                            "--batch-interval", batch), work.resolve("job"), false);
                    EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder(bootstrap).bindAddress("127.0.0.1")
                            .port(0).build()).start()) {
                job.awaitRunning(Duration.ofMinutes(1));
                if (!gateway.awaitReady(Duration.ofMinutes(1))) {
                    throw new IllegalStateException("the gateway did not start");
                }
                List<WsJsonClient> clients = new ArrayList<>();
                List<String> channels = matches.stream().map(m -> "match:" + m.get(0).key()).toList();
                for (int i = 0; i < channels.size(); i += 60) {
                    clients.add(new WsJsonClient(gateway.port(), channels.subList(i, Math.min(channels.size(), i + 60)),
                            (frame, now) -> {
                                long version = frame.path("type").asText().equals("delta")
                                        ? frame.path("to").asLong()
                                        : frame.path("version").asLong();
                                Sent s = sent.get(frame.path("channel").asText().substring("match:".length()));
                                if (s == null) {
                                    return;
                                }
                                synchronized (s) {
                                    for (int v = s.delivered + 1; v <= version && v < s.nanos.length; v++) {
                                        if (s.nanos[v] != 0 && s.nanos[v] >= warmEnd[0]) {
                                            synchronized (toClient) {
                                                toClient.recordNanos(now - s.nanos[v]);
                                            }
                                        }
                                    }
                                    s.delivered = (int) Math.max(s.delivered, Math.min(version, s.nanos.length - 1));
                                }
                            }));
                }
                AtomicBoolean reading = new AtomicBoolean(true);
                Thread deltaReader = deltaReader(bootstrap, sent, toKafka, stalls, warmEndMillis, reading);
                deltaReader.start();

                log.accept(String.format("e2e: %d balls/s over %d matches for %d s, batch interval %s", rate,
                        matchCount, seconds, batch));
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
                    long interval = 1_000_000_000L / rate;
                    long start = System.nanoTime();
                    warmEnd[0] = start + warmUp * 1_000_000_000L;
                    warmEndMillis[0] = System.currentTimeMillis() + warmUp * 1_000L;
                    int[] next = new int[matches.size()];
                    long total = (long) rate * seconds;
                    for (long i = 0; i < total; i++) {
                        int m = (int) (i % matches.size());
                        List<Inputs.Keyed> match = matches.get(m);
                        if (next[m] >= match.size()) {
                            continue;
                        }
                        long due = start + i * interval;
                        while (System.nanoTime() < due) {
                            Thread.sleep(0, 200_000);
                        }
                        Inputs.Keyed e = match.get(next[m]++);
                        Sent s = sent.get(e.key());
                        s.millis[next[m]] = System.currentTimeMillis();
                        s.nanos[next[m]] = System.nanoTime();
                        producer.send(new ProducerRecord<>(Topic.MATCH_EVENTS.defaultName(), e.key(), e.value()));
                    }
                    producer.flush();
                }
                Thread.sleep(Math.max(3000, 10 * batchMillis));
                reading.set(false);
                deltaReader.join(10_000);
                for (WsJsonClient c : clients) {
                    c.close();
                }
                stalls.report(job.cluster().getRestAddress().get(), job.jobId().toString()).forEach(log);
            }
        }
        MarkdownTable t = new MarkdownTable(
                "End to end: a ball into Kafka -> the job -> a gateway -> a WebSocket client (paced)",
                "path", "balls measured", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "batch interval ms",
                "p99 / (batch interval + 50 ms)");
        row(t, "ball -> its delta appended to state-deltas", toKafka, batchMillis);
        row(t, "ball -> a WebSocket client reads it", toClient, batchMillis);
        t.note(String.format("%d balls/s over %d re-keyed recorded matches for %d s (the first %d s not counted), the "
                + "match job at parallelism 2 with flink-conf/config.yaml's state backend (RocksDB behind Flink's changelog) and checkpoints every 5 s, one gateway, WebSocket "
                + "clients subscribed to every match. Everything in one JVM: one clock.", rate, matchCount, seconds, warmUp));
        double p99 = toClient.percentileMillis(0.99);
        List<Target> targets = List.of(new Target(
                "end-to-end p99 <= batch interval + 50 ms (" + (batchMillis + 50) + " ms)",
                "p99 " + num(p99, 1) + " ms over " + toClient.count() + " balls",
                p99 <= batchMillis + 50, num(Math.abs(batchMillis + 50 - p99), 1) + " ms " + (p99 <= batchMillis + 50
                        ? "to spare" : "over")));
        return new Result(t.markdown(), targets);
    }

    private static void row(MarkdownTable t, String path, Histogram h, long batchMillis) {
        t.row(path, h.count(), num(h.percentileMillis(0.5), 1), num(h.percentileMillis(0.99), 1),
                num(h.percentileMillis(0.999), 1), num(h.maxMicros() / 1000.0, 1), batchMillis,
                ratio(h.percentileMillis(0.99), batchMillis + 50));
    }

    /** Follows state-deltas: each delta's append time against the produce time of every ball it carries. */
    private static Thread deltaReader(String bootstrap, Map<String, Sent> sent, Histogram toKafka, Stalls stalls,
            long[] warmEndMillis, AtomicBoolean reading) {
        Thread t = new Thread(() -> {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
                List<TopicPartition> parts = c.partitionsFor(Topic.STATE_DELTAS.defaultName()).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                while (reading.get()) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                        Delta d = Json.read(r.value(), Delta.class);
                        Sent s = sent.get(d.channel().substring("match:".length()));
                        if (s == null) {
                            continue;
                        }
                        synchronized (s) {
                            for (long v = Math.max(d.from(), s.inKafka + 1); v <= d.to() && v < s.millis.length; v++) {
                                if (s.millis[(int) v] >= warmEndMillis[0]) {
                                    toKafka.record(1000 * (r.timestamp() - s.millis[(int) v]));
                                    stalls.record(s.millis[(int) v], r.timestamp() - s.millis[(int) v]);
                                }
                            }
                            s.inKafka = (int) Math.max(s.inKafka, d.to());
                        }
                    }
                }
            }
        }, "e2e-delta-reader");
        t.setDaemon(true);
        return t;
    }
}
