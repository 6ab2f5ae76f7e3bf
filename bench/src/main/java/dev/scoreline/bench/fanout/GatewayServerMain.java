package dev.scoreline.bench.fanout;

import dev.scoreline.bench.Machine;
import dev.scoreline.bench.Opts;
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

    private GatewayServerMain() {}

    public static void main(String[] args) throws Exception {
        Opts o = Opts.parse(args);
        GatewayConfig config = GatewayConfig.builder(o.text("bootstrap", "127.0.0.1:9092"))
                .snapshotTopic(o.text("snapshot-topic", "bench-snapshots"))
                .deltaTopic(o.text("delta-topic", "bench-deltas"))
                .bindAddress("127.0.0.1")
                .port(o.integer("port", 0))
                .maxConnections(o.integer("max-connections", 20_000))
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
