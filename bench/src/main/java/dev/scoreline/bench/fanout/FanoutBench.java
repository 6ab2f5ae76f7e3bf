package dev.scoreline.bench.fanout;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.scoreline.bench.BenchOptions;
import dev.scoreline.bench.Child;
import dev.scoreline.bench.Histogram;
import dev.scoreline.cli.Parsed;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.topic.Topic;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fan-out: the gateway, Mosquitto and the socket limit, each in its own process, under the same
 * subscribers (load clients in other processes) and the same deltas at the same rates. Kafka (an
 * in-process broker) and the publisher run in this process.
 */
public final class FanoutBench {

    /** One measured step. */
    public record Step(String system, int subscribers, int channels, int nominal, double offered, double delivered,
            double p50, double p99, double p999, long conflations, long closes, double serverCpu, double clientCpu,
            long lost) {}

    /** Idle memory per connection, each channel count measured on a fresh server. */
    public record Memory(String system, int channels, int connections, double heapPerConnection,
            double rssPerConnection) {}

    public record Result(List<Step> steps, List<Memory> memory, List<String> notes) {}

    /** Above this the one publisher thread (and its Kafka producer) falls behind its schedule. */
    private static final int MAX_DELTAS_PER_SECOND = 20_000;

    private final Parsed opts;
    private final Path work;
    private final Consumer<String> log;
    private final Map<String, Long> versions = new HashMap<>();
    private int sourceBlock = 1;

    public FanoutBench(Parsed opts, Path work, Consumer<String> log) {
        this.opts = opts;
        this.work = work;
        this.log = log;
    }

    public Result run() throws Exception {
        List<String> systems = opts.get(BenchOptions.SYSTEMS);
        int[] counts = ints(opts.get(BenchOptions.SUBSCRIBERS));
        int[] channelCounts = ints(opts.get(BenchOptions.CHANNELS));
        int[] offered = ints(opts.get(BenchOptions.OFFERED));
        int maxOffered = opts.get(BenchOptions.MAX_OFFERED);
        int seconds = opts.get(BenchOptions.SECONDS);
        int warmUpSeconds = opts.get(BenchOptions.WARM_UP_SECONDS);
        String pad = "p".repeat(opts.get(BenchOptions.PAD));
        int perProcess = opts.get(BenchOptions.PER_PROCESS);
        int largest = Arrays.stream(counts).max().orElse(1000);
        int maxChannels = Arrays.stream(channelCounts).max().orElse(1);

        List<Step> steps = new ArrayList<>();
        List<Memory> memory = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (InProcessKafka kafka = InProcessKafka.start(work.resolve("kafka"))) {
            kafka.createTopic("bench-snapshots", 1, Topic.STATE_SNAPSHOTS.config());
            kafka.createTopic("bench-deltas", 1, Topic.STATE_DELTAS.config());
            kafka.createTopic(Topic.PRIVATE_SNAPSHOTS.defaultName(), 1, Topic.PRIVATE_SNAPSHOTS.config());
            kafka.createTopic(Topic.PRIVATE_DELTAS.defaultName(), 1, Topic.PRIVATE_DELTAS.config());
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                for (int c = 0; c < maxChannels; c++) {
                    publishKafka(producer, channel(c), pad);
                }
                producer.flush();
                for (String system : systems) {
                    // idle memory first, each channel count on a fresh server: what its connections hold, not
                    // what the heap grew to under an earlier step's load
                    for (int channels : channelCounts) {
                        try (Server server = server(system, kafka, producer, pad, notes)) {
                            if (server == null) {
                                break;
                            }
                            long[] idle = server.memory();
                            try (Clients clients = Clients.start(server, largest, channels, perProcess, sourceBlock++,
                                    work, log)) {
                                long[] busy = server.memory();
                                memory.add(new Memory(system, channels, clients.ready(),
                                        idle[0] < 0 ? Double.NaN : (busy[0] - idle[0]) / (double) clients.ready(),
                                        (busy[1] - idle[1]) / (double) clients.ready()));
                            }
                        }
                    }
                    try (Server server = server(system, kafka, producer, pad, notes)) {
                        if (server == null) {
                            continue;
                        }
                        boolean warm = warmUpSeconds == 0;
                        for (int n : IntStream.of(counts).boxed()
                                .sorted(Comparator.reverseOrder()).mapToInt(Integer::intValue).toArray()) {
                            for (int channels : channelCounts) {
                                if (n == largest && channels != 1 && counts.length > 1) {
                                    continue;
                                }
                                try (Clients clients = Clients.start(server, n, channels, perProcess, sourceBlock++,
                                        work, log)) {
                                    if (!warm) {
                                        // the server's first deltas run through code its JIT has not compiled yet
                                        step(server, clients, n, channels, maxOffered, warmUpSeconds);
                                        warm = true;
                                    }
                                    int[] rates = n == largest && counts.length > 1 ? new int[] {maxOffered} : offered;
                                    for (int rate : rates) {
                                        Step step = step(server, clients, n, channels, rate, seconds);
                                        if (step != null) {
                                            steps.add(step);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Result(steps, memory, notes.stream().distinct().toList());
    }

    private Step step(Server server, Clients clients, int n, int channels, int offeredPerSecond, int seconds) throws Exception {
        int perChannel = clients.ready() / channels;
        double deltasPerSecond = Math.max(1, offeredPerSecond / (double) Math.max(1, perChannel));
        if (deltasPerSecond > MAX_DELTAS_PER_SECOND) {
            log.accept(String.format("  %s: skipping %,d msg/s over %d channel(s): %.0f deltas/s is more than the "
                    + "publisher keeps up with", server.name(), offeredPerSecond, channels, deltasPerSecond));
            return null;
        }
        int total = (int) Math.round(deltasPerSecond * seconds);
        long interval = (long) (1e9 / deltasPerSecond);
        clients.reset();
        long[] metrics0 = server.metrics();
        double cpuServer0 = server.cpuSeconds();
        double cpuClients0 = clients.cpuSeconds();
        log.accept(String.format("  %s: %d subscribers on %d channel(s), %.0f deltas/s = %,d msg/s offered for %d s",
                server.name(), clients.ready(), channels, deltasPerSecond, (long) (deltasPerSecond * perChannel), seconds));
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                if (wait > 2_000_000) {
                    Thread.sleep(1);
                } else {
                    Thread.onSpinWait();
                }
            }
            server.publish(channel(i % channels));
        }
        server.flush();
        // at high rates the publisher itself may fall behind its schedule: offered is what it managed
        double published = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        long expected = (long) total * perChannel;
        Clients.Report report = clients.awaitQuiet(expected, Duration.ofSeconds(30));
        double elapsed = (report.last() - start) / 1e9;
        long[] metrics1 = server.metrics();
        double span = (System.nanoTime() - start) / 1e9;
        Histogram h = report.latencies();
        return new Step(server.name(), n, channels, offeredPerSecond, total * (double) perChannel / published,
                report.messages() / elapsed, h.percentileMillis(0.50), h.percentileMillis(0.99),
                h.percentileMillis(0.999), metrics1[0] - metrics0[0], metrics1[1] - metrics0[1],
                100 * (server.cpuSeconds() - cpuServer0) / span, 100 * (clients.cpuSeconds() - cpuClients0) / span,
                Math.max(0, expected - report.deltas()));
    }

    private Server server(String system, InProcessKafka kafka, KafkaProducer<String, String> producer, String pad,
            List<String> notes) throws Exception {
        return switch (system) {
            case "gateway" -> Server.java("gateway", work, jvm("gateway"), GatewayServerMain.class,
                    List.of("--bootstrap", kafka.bootstrapServers(), "--max-connections", "20000"), producer,
                    pad, versions);
            case "limit" -> Server.java("limit", work, jvm("limit"), LimitServerMain.class,
                    List.of("--bootstrap", kafka.bootstrapServers()), producer, pad, versions);
            case "mosquitto" -> Server.mosquitto(work, log, pad, versions, notes);
            default -> throw new IllegalArgumentException("--systems: gateway, limit or mosquitto, not " + system);
        };
    }

    private List<String> jvm(String name) {
        List<String> options = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseParallelGC"));
        if (opts.get(BenchOptions.PROFILE)) {
            options.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        return options;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static String channel(int i) {
        return "match:b" + i;
    }

    private void publishKafka(KafkaProducer<String, String> producer, String channel, String pad) {
        long v = versions.merge(channel, 1L, Long::sum);
        producer.send(new ProducerRecord<>("bench-deltas", channel,
                Payload.kafkaDeltaJson(channel, v, System.nanoTime(), pad)));
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        return new KafkaProducer<>(p);
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A server under test and how deltas reach it. */
    private abstract static class Server implements AutoCloseable {
        final String name;
        final String protocol;
        final int port;
        final String pad;

        Server(String name, String protocol, int port, String pad) {
            this.name = name;
            this.protocol = protocol;
            this.port = port;
            this.pad = pad;
        }

        String name() {
            return name;
        }

        abstract void publish(String channel);

        abstract void flush();

        /** {heap or -1, rss} */
        abstract long[] memory() throws InterruptedException;

        /** {conflations, too-slow closes} so far */
        abstract long[] metrics() throws InterruptedException;

        abstract double cpuSeconds();

        @Override
        public abstract void close();

        static Server java(String name, Path work, List<String> jvm, Class<?> main, List<String> args,
                KafkaProducer<String, String> producer, String pad, Map<String, Long> versions) throws Exception {
            Child child = Child.java(name, work.resolve(name + ".log"), jvm, main, args);
            int port = Integer.parseInt(child.expect("ready", Duration.ofMinutes(2)).split(" ")[1]);
            return new Server(name, "ws", port, pad) {
                @Override
                void publish(String channel) {
                    long v = versionAfter(channel, versions);
                    producer.send(new ProducerRecord<>("bench-deltas", channel,
                            Payload.kafkaDeltaJson(channel, v, System.nanoTime(), pad)));
                }

                @Override
                void flush() {
                    producer.flush();
                }

                @Override
                long[] memory() throws InterruptedException {
                    String[] f = child.ask("mem", "mem", Duration.ofMinutes(1)).split(" ");
                    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
                }

                @Override
                long[] metrics() throws InterruptedException {
                    String[] f = child.ask("metrics", "metrics", Duration.ofSeconds(30)).split(" ");
                    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
                }

                @Override
                double cpuSeconds() {
                    return child.cpuSeconds();
                }

                @Override
                public void close() {
                    child.close();
                }
            };
        }

        static Server mosquitto(Path work, Consumer<String> log, String pad, Map<String, Long> versions,
                List<String> notes) throws Exception {
            Mosquitto.Found found = Mosquitto.find(log);
            if (found.binary() == null) {
                notes.add("Mosquitto skipped: " + found.whyNot());
                log.accept("mosquitto skipped: " + found.whyNot());
                return null;
            }
            Mosquitto broker = Mosquitto.start(found.binary(), work, freePort());
            Mqtt3AsyncClient publisher = MqttClient.builder().useMqttVersion3().identifier("bench-publisher")
                    .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
            publisher.connect().get(30, TimeUnit.SECONDS);
            return new Server("mosquitto", "mqtt", broker.port(), pad) {
                @Override
                void publish(String channel) {
                    long v = versionAfter(channel, versions);
                    publisher.publishWith().topic(channel).qos(MqttQos.AT_MOST_ONCE)
                            .payload(Payload.deltaFrameJson(channel, v, System.nanoTime(), pad)
                                    .getBytes(StandardCharsets.UTF_8))
                            .send();
                }

                @Override
                void flush() {
                }

                @Override
                long[] memory() {
                    return new long[] {-1, broker.process().rssBytes()};
                }

                @Override
                long[] metrics() {
                    return new long[] {0, 0};
                }

                @Override
                double cpuSeconds() {
                    return broker.process().cpuSeconds();
                }

                @Override
                public void close() {
                    publisher.disconnect();
                    broker.close();
                }
            };
        }

        private static long versionAfter(String channel, Map<String, Long> versions) {
            return versions.merge(channel, 1L, Long::sum);
        }
    }

    /** The load-client processes of one step, spread so that none holds more than its share. */
    private static final class Clients implements AutoCloseable {
        private final List<Child> children;
        private final int ready;

        record Report(long deltas, long messages, long first, long last, Histogram latencies) {}

        private Clients(List<Child> children, int ready) {
            this.children = children;
            this.ready = ready;
        }

        static Clients start(Server server, int n, int channels, int perProcess, int block, Path work,
                Consumer<String> log) throws Exception {
            int processes = Math.max(1, (n + perProcess - 1) / perProcess);
            List<Child> children = new ArrayList<>();
            int offset = 0;
            try {
                for (int p = 0; p < processes; p++) {
                    int count = n / processes + (p < n % processes ? 1 : 0);
                    String source = "127." + (10 + block % 200) + "." + (p + 1);
                    Child c = Child.java("clients-" + server.name + "-" + p, work.resolve("clients.log"),
                            List.of("-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4"), SubscriberMain.class,
                            List.of(server.protocol, "--port", Integer.toString(server.port), "--count",
                                    Integer.toString(count), "--channels", Integer.toString(channels), "--offset",
                                    Integer.toString(offset), "--source", source, "--id", "c" + block + "-" + p));
                    children.add(c);
                    c.expect("started", Duration.ofMinutes(1));
                    offset += count;
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                int lastReady = -1;
                long stalledSince = System.nanoTime();
                while (true) {
                    int ready = 0;
                    int failed = 0;
                    String why = null;
                    for (Child c : children) {
                        String[] f = c.ask("status", "status", Duration.ofSeconds(30)).split(" ", 5);
                        ready += Integer.parseInt(f[1]);
                        failed += Integer.parseInt(f[2]);
                        if (!"null".equals(f[4]) && why == null) {
                            why = f[4];
                        }
                    }
                    if (ready != lastReady) {
                        lastReady = ready;
                        stalledSince = System.nanoTime();
                    }
                    boolean stalled = System.nanoTime() - stalledSince > Duration.ofSeconds(30).toNanos();
                    if (ready + failed >= n || stalled || System.nanoTime() > deadline) {
                        if (failed > 0 || ready < n) {
                            log.accept(String.format("  %s: %d of %d subscribers ready, %d failed (%s)",
                                    server.name, ready, n, failed, why));
                        }
                        if (ready == 0) {
                            throw new IllegalStateException(server.name + ": no subscriber could connect: " + why);
                        }
                        return new Clients(children, ready);
                    }
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                children.forEach(Child::close);
                throw e;
            }
        }

        int ready() {
            return ready;
        }

        void reset() throws InterruptedException {
            for (Child c : children) {
                c.ask("reset", "reset", Duration.ofSeconds(30));
            }
        }

        double cpuSeconds() {
            return children.stream().mapToDouble(Child::cpuSeconds).sum();
        }

        /** Waits until {@code expected} deltas arrived, or nothing more arrived for two seconds. */
        Report awaitQuiet(long expected, Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            long lastCount = -1;
            long quietSince = System.nanoTime();
            while (true) {
                Report r = report();
                if (r.deltas() >= expected || System.nanoTime() > deadline) {
                    return r;
                }
                if (r.messages() != lastCount) {
                    lastCount = r.messages();
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > 2_000_000_000L) {
                    return r;
                }
                Thread.sleep(200);
            }
        }

        Report report() throws InterruptedException {
            long deltas = 0;
            long messages = 0;
            long first = Long.MAX_VALUE;
            long last = 0;
            Histogram h = new Histogram();
            for (Child c : children) {
                String[] f = c.ask("report", "report", Duration.ofSeconds(30)).split(" ");
                long d = Long.parseLong(f[1]);
                long o = Long.parseLong(f[2]);
                deltas += d;
                messages += d + o;
                if (d + o > 0) {
                    first = Math.min(first, Long.parseLong(f[3]));
                    last = Math.max(last, Long.parseLong(f[4]));
                }
                h.add(Histogram.decode(f[5]));
            }
            return new Report(deltas, messages, first, last, h);
        }

        @Override
        public void close() {
            children.parallelStream().forEach(Child::close);
        }
    }
}
