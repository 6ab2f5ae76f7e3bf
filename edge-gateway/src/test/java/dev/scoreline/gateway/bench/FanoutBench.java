package dev.scoreline.gateway.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.metrics.PromText;
import dev.scoreline.json.Json;
import dev.scoreline.kafka.InProcessKafka;
import dev.scoreline.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load driver, not a test: N WebSocket subscribers (plain NIO, or the JDK's client) on one channel of one
 * gateway, fed by a real in-process Kafka broker at a fixed rate of deltas; reports delivered
 * messages per second and the latency from {@code producer.send} to the client's {@code onText},
 * all in this one JVM (one clock). The gateway, the broker, the producer and the clients share the
 * machine's cores, so the figures are a floor for the gateway alone.
 *
 * <pre>
 * mvn -B -o -q -pl edge-gateway -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp edge-gateway/target/test-classes:edge-gateway/target/classes:$(cat edge-gateway/target/bench-classpath.txt) \
 *     dev.scoreline.gateway.bench.FanoutBench [--subscribers 1000] [--rates 10,50,100,200] [--seconds 15]
 *     [--bytes 300] [--client nio|jdk]
 * </pre>
 */
public final class FanoutBench {

    private static final String CHANNEL = "match:bench";

    public static void main(String[] args) throws Exception {
        int subscribers = intArg(args, "--subscribers", 1000);
        int[] rates = Arrays.stream(stringArg(args, "--rates", "10,50,100,200").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = intArg(args, "--seconds", 15);
        int padding = intArg(args, "--bytes", 300);
        String client = stringArg(args, "--client", "nio");

        Path dir = Files.createTempDirectory("fanout-bench");
        try (InProcessKafka kafka = InProcessKafka.start(dir)) {
            kafka.createTopic("bench-snapshots", 1, Topic.STATE_SNAPSHOTS.config());
            kafka.createTopic("bench-deltas", 1, Topic.STATE_DELTAS.config());
            GatewayConfig config = GatewayConfig.builder(kafka.bootstrapServers())
                    .snapshotTopic("bench-snapshots").deltaTopic("bench-deltas")
                    .bindAddress("127.0.0.1").port(0).maxConnections(subscribers + 10).build();
            try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers());
                    EdgeGateway gateway = new EdgeGateway(config).start()) {
                gateway.awaitReady(Duration.ofMinutes(1));
                producer.send(new ProducerRecord<>("bench-snapshots", CHANNEL,
                        Json.bytes(new Snapshot(CHANNEL, "e1", 1, Json.object().put("v", 1))))).get();
                Subscribers clients = client.equals("jdk")
                        ? JdkSubscribers.connect(gateway.port(), subscribers, CHANNEL)
                        : NioSubscribers.connect(gateway.port(), subscribers, CHANNEL);
                System.out.printf("%d %s subscribers connected and holding the snapshot; %d-byte padding per delta%n",
                        subscribers, client, padding);
                System.out.println("rate(deltas/s)  offered(msg/s)  delivered(msg/s)  p50(ms)  p99(ms)  p99.9(ms)  max(ms)  conflations  too-slow closes");
                long version = 1;
                for (int rate : rates) {
                    version = run(producer, clients, gateway, rate, seconds, padding, version);
                }
                clients.close();
            }
        }
    }

    private static long run(KafkaProducer<String, byte[]> producer, Subscribers clients, EdgeGateway gateway, int rate,
            int seconds, int padding, long version) throws Exception {
        int deltas = rate * seconds;
        clients.reset(deltas);
        String pad = "p".repeat(padding);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < deltas; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            long v = ++version;
            ObjectNode patch = Json.object().put("v", v).put("sentAt", System.nanoTime()).put("pad", pad);
            producer.send(new ProducerRecord<>("bench-deltas", CHANNEL, Json.bytes(new Delta(CHANNEL, "e1", v, v, patch))));
        }
        producer.flush();
        boolean all = clients.awaitAll(Duration.ofSeconds(60));
        long end = clients.lastReceivedNanos();
        long[] latencies = clients.latencies();
        Arrays.sort(latencies);
        long delivered = latencies.length;
        double elapsed = (end - start) / 1e9;
        String metrics = new String(gateway.metricsText(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.printf("%14d  %14d  %16.0f  %7.1f  %7.1f  %9.1f  %7.1f  %11.0f  %15.0f%s%n",
                rate, (long) rate * clients.size(), delivered / elapsed,
                pct(latencies, 0.50), pct(latencies, 0.99), pct(latencies, 0.999), pct(latencies, 1.0),
                PromText.value(metrics, "scoreline_gateway_conflations_total"),
                PromText.value(metrics, "scoreline_gateway_closes_total{reason=\"too-slow\"}"),
                all ? "" : "  (not every message arrived: " + delivered + " of " + (long) deltas * clients.size() + ")");
        return version;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        return new KafkaProducer<>(p);
    }

    private static int intArg(String[] args, String name, int dflt) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(dflt)));
    }

    private static String stringArg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
