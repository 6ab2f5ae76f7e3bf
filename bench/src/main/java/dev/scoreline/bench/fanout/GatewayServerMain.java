package dev.scoreline.bench.fanout;

import dev.scoreline.bench.Machine;
import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.ValueType;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The gateway under test, alone in its process so that its heap and RSS are its own. Answers
 * {@code mem} (heap after collection and RSS) and {@code metrics} (conflations, too-slow closes) on
 * standard input.
 */
public final class GatewayServerMain {

    private static final Option<String> BOOTSTRAP = Option.of("bootstrap", ValueType.hostPorts())
            .byDefault("127.0.0.1:9092");
    private static final Option<String> SNAPSHOTS_TOPIC = Option.text("snapshots-topic", "NAME")
            .byDefault("bench-snapshots");
    private static final Option<String> DELTAS_TOPIC = Option.text("deltas-topic", "NAME").byDefault("bench-deltas");
    private static final Option<Integer> PORT = Option.of("port", ValueType.integer(0, 65535)).byDefault(0);
    private static final Option<Integer> MAX_CONNECTIONS = Option.of("max-connections", ValueType.count())
            .byDefault(20_000);

    static final Options OPTIONS = Options.command("GatewayServerMain", "The gateway of the fan-out benchmark.")
            .with(BOOTSTRAP, SNAPSHOTS_TOPIC, DELTAS_TOPIC, PORT, MAX_CONNECTIONS);

    private GatewayServerMain() {}

    public static void main(String[] args) throws Exception {
        Parsed o = OPTIONS.parse(args);
        GatewayConfig config = GatewayConfig.builder(o.get(BOOTSTRAP))
                .snapshotTopic(o.get(SNAPSHOTS_TOPIC))
                .deltaTopic(o.get(DELTAS_TOPIC))
                .bindAddress("127.0.0.1")
                .port(o.get(PORT))
                .maxConnections(o.get(MAX_CONNECTIONS))
                .build();
        try (EdgeGateway gateway = new EdgeGateway(config).start()) {
            if (!gateway.awaitReady(Duration.ofMinutes(2))) {
                System.out.println("error the gateway did not catch up with Kafka");
                return;
            }
            System.out.println("ready " + gateway.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("quit")) {
                switch (line.trim()) {
                    case "mem" -> System.out.println("mem " + Machine.memoryAfterGc());
                    case "metrics" -> {
                        String text = new String(gateway.metricsText(), StandardCharsets.UTF_8);
                        System.out.println("metrics " + (long) series(text, "scoreline_gateway_conflations_total")
                                + " " + (long) series(text, "scoreline_gateway_closes_total{reason=\"too-slow\"}"));
                    }
                    default -> System.out.println("error unknown command " + line);
                }
            }
        }
        System.exit(0);
    }

    static double series(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim().split(" ")[0]);
            }
        }
        return 0;
    }
}
