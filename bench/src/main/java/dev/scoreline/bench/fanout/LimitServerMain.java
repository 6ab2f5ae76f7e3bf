package dev.scoreline.bench.fanout;

import dev.scoreline.bench.Machine;
import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import dev.scoreline.delta.Delta;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ServerMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The socket-limit server in its own process, fed from the same Kafka topic as the gateway: each
 * delta record becomes the gateway's delta frame, encoded once, then {@link LimitServer} writes it
 * to every subscriber.
 */
public final class LimitServerMain {

    private static final Option<Integer> PORT = Option.of("port", ValueType.integer(0, 65535)).byDefault(0);
    private static final Option<Integer> IO_THREADS = Option.of("io-threads", ValueType.positive())
            .byDefault(Runtime.getRuntime().availableProcessors());
    private static final Option<String> BOOTSTRAP = Option.of("bootstrap", ValueType.hostPorts())
            .byDefault("127.0.0.1:9092");
    private static final Option<String> DELTAS_TOPIC = Option.text("deltas-topic", "NAME").byDefault("bench-deltas");

    static final Options OPTIONS = Options.command("LimitServerMain", "The socket-limit server of the fan-out benchmark.")
            .with(PORT, IO_THREADS, BOOTSTRAP, DELTAS_TOPIC);

    private LimitServerMain() {}

    public static void main(String[] args) throws Exception {
        Parsed o = OPTIONS.parse(args);
        LimitServer server = new LimitServer(o.get(PORT), o.get(IO_THREADS));
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.get(BOOTSTRAP));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
        TopicPartition tp = new TopicPartition(o.get(DELTAS_TOPIC), 0);
        consumer.assign(List.of(tp));
        consumer.seekToEnd(List.of(tp));
        consumer.position(tp);
        Thread feed = new Thread(() -> {
            try {
                while (true) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                    List<Map.Entry<String, byte[]>> frames = new ArrayList<>(records.count());
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        Delta d = Json.read(r.value(), Delta.class);
                        byte[] json = Json.bytes(ServerMessage.DeltaFrame.of(d));
                        frames.add(new AbstractMap.SimpleImmutableEntry<>(d.channel(),
                                WsFrames.serverFrame(WsFrames.TEXT, json)));
                    }
                    if (!frames.isEmpty()) {
                        server.publish(frames);
                    }
                }
            } catch (WakeupException e) {
                consumer.close();
            }
        }, "limit-feed");
        feed.setDaemon(true);
        feed.start();
        System.out.println("ready " + server.port());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("quit")) {
            if (line.trim().equals("mem")) {
                System.out.println("mem " + Machine.memoryAfterGc());
            } else if (line.trim().equals("metrics")) {
                System.out.println("metrics 0 0");
            } else {
                System.out.println("error unknown command " + line);
            }
        }
        consumer.wakeup();
        server.close();
        System.exit(0);
    }
}
