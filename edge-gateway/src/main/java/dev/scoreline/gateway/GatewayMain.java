package dev.scoreline.gateway;

import dev.scoreline.gateway.fanout.AutoSubscriptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gateway --bootstrap HOST:PORT [--port 8080] …}: one edge gateway against an existing
 * Kafka, until the process is stopped. {@code --help} lists every option with its default.
 */
public final class GatewayMain {

    /** The environment variable read for the JWT secret when {@code --jwt-secret} is not given. */
    public static final String SECRET_ENV = "SCORELINE_GATEWAY_JWT_SECRET";

    private GatewayMain() {}

    public static void main(String[] args) throws InterruptedException {
        GatewayConfig config;
        try {
            if (wantsHelp(args)) {
                usage(System.out);
                return;
            }
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("gateway: " + e.getMessage());
            System.err.println("(--help lists the options)");
            System.exit(2);
            return;
        }
        EdgeGateway gateway;
        try {
            gateway = new EdgeGateway(config).start();
        } catch (IllegalStateException e) {
            System.err.println("gateway: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        System.out.println("gateway listening on http://" + config.bindAddress() + ":" + gateway.port()
                + "/ (ws /ws, sse /sse, health /healthz, metrics /metrics)");
        stopped.await();
    }

    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the command line into a configuration.
     *
     * @param env the environment, for {@value #SECRET_ENV}
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static GatewayConfig parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> kafka = new HashMap<>();
        boolean dev = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--dev")) {
                dev = true;
                continue;
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else if (arg.startsWith("--")) {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (name.equals("kafka")) {
                int kv = value.indexOf('=');
                if (kv <= 0) {
                    throw new IllegalArgumentException("--kafka takes KEY=VALUE, got '" + value + "'");
                }
                kafka.put(value.substring(0, kv), value.substring(kv + 1));
            } else {
                values.put(name, value);
            }
        }
        String bootstrap = values.get("bootstrap");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--bootstrap HOST:PORT is required");
        }
        GatewayConfig.Builder b = GatewayConfig.builder(bootstrap).devMode(dev).kafkaProperties(kafka);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "bootstrap" -> { }
                case "port" -> b.port(integer(e.getKey(), v));
                case "bind" -> b.bindAddress(v);
                case "snapshot-topic" -> b.snapshotTopic(v);
                case "delta-topic" -> b.deltaTopic(v);
                case "partitions" -> b.partitions(partitions(v));
                case "ring-size" -> b.ringSize(integer(e.getKey(), v));
                case "queue-bytes" -> b.queueBytes(bytes(e.getKey(), v));
                case "write-window-bytes" -> b.writeWindowBytes(bytes(e.getKey(), v));
                case "max-conflations" -> b.maxConflations(integer(e.getKey(), v));
                case "conflation-window" -> b.conflationWindow(duration(e.getKey(), v));
                case "stall-timeout" -> b.stallTimeout(duration(e.getKey(), v));
                case "max-frame-bytes" -> b.maxFrameBytes((int) bytes(e.getKey(), v));
                case "max-subscriptions" -> b.maxSubscriptions(integer(e.getKey(), v));
                case "max-connections" -> b.maxConnections(integer(e.getKey(), v));
                case "max-malformed" -> b.maxMalformed(integer(e.getKey(), v));
                case "ping-interval" -> b.pingInterval(duration(e.getKey(), v));
                case "idle-timeout" -> b.idleTimeout(duration(e.getKey(), v));
                case "close-grace" -> b.closeGrace(duration(e.getKey(), v));
                case "jwt-secret" -> b.jwtSecret(v);
                case "io-threads" -> b.ioThreads(integer(e.getKey(), v));
                case "socket-send-buffer" -> b.socketSendBufferBytes((int) bytes(e.getKey(), v));
                case "auto-subscribe" -> b.autoSubscribe(autoSubscribe(v));
                case "dev" -> throw new IllegalArgumentException("--dev takes no value");
                default -> throw new IllegalStateException(e.getKey());
            }
        }
        if (!values.containsKey("jwt-secret") && env.get(SECRET_ENV) != null && !env.get(SECRET_ENV).isEmpty()) {
            b.jwtSecret(env.get(SECRET_ENV));
        }
        return b.build();
    }

    /** Every option: its argument (empty for a flag) and its help, in the help's order. */
    private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        GatewayConfig d = GatewayConfig.builder("-").build();
        OPTIONS.put("bootstrap", new String[] {"HOST:PORT[,…]", "Kafka bootstrap servers (required)"});
        OPTIONS.put("port", new String[] {"N", "HTTP port, 0 for a free one (default " + d.port() + ")"});
        OPTIONS.put("bind", new String[] {"ADDRESS", "address to listen on (default " + d.bindAddress() + ")"});
        OPTIONS.put("snapshot-topic", new String[] {"NAME", "topic of snapshots (default " + d.snapshotTopic() + ")"});
        OPTIONS.put("delta-topic", new String[] {"NAME", "topic of deltas (default " + d.deltaTopic() + ")"});
        OPTIONS.put("partitions", new String[] {"0,1,…", "serve only these partitions of both topics (default all)"});
        OPTIONS.put("ring-size", new String[] {"N", "recent deltas kept per channel for resuming (default " + d.ringSize() + ")"});
        OPTIONS.put("queue-bytes", new String[] {"SIZE", "bytes a connection may lag before conflation (default " + d.queueBytes() + ")"});
        OPTIONS.put("write-window-bytes", new String[] {"SIZE", "bytes handed to a socket at once (default " + d.writeWindowBytes() + ")"});
        OPTIONS.put("max-conflations", new String[] {"N", "conflations allowed per window, one more closes with 1013 (default " + d.maxConflations() + ")"});
        OPTIONS.put("conflation-window", new String[] {"DURATION", "the window of --max-conflations (default " + d.conflationWindow().toSeconds() + "s)"});
        OPTIONS.put("stall-timeout", new String[] {"DURATION", "no write progress this long closes with 1013 (default " + d.stallTimeout().toSeconds() + "s)"});
        OPTIONS.put("max-frame-bytes", new String[] {"SIZE", "largest client message, beyond closes with 1009 (default " + d.maxFrameBytes() + ")"});
        OPTIONS.put("max-subscriptions", new String[] {"N", "per connection (default " + d.maxSubscriptions() + ")"});
        OPTIONS.put("max-connections", new String[] {"N", "per gateway, beyond answers 503 (default " + d.maxConnections() + ")"});
        OPTIONS.put("max-malformed", new String[] {"N", "malformed messages before a close with 1008 (default " + d.maxMalformed() + ")"});
        OPTIONS.put("ping-interval", new String[] {"DURATION", "WebSocket pings and SSE keep-alives (default " + d.pingInterval().toSeconds() + "s)"});
        OPTIONS.put("idle-timeout", new String[] {"DURATION", "a WebSocket silent this long closes with 1001 (default " + d.idleTimeout().toSeconds() + "s)"});
        OPTIONS.put("close-grace", new String[] {"DURATION", "time for a close to flush before the socket ends (default " + d.closeGrace().toSeconds() + "s)"});
        OPTIONS.put("jwt-secret", new String[] {"SECRET", "HMAC-SHA256 secret of table tokens (or env " + SECRET_ENV + ")"});
        OPTIONS.put("dev", new String[] {"", "dev mode: without a secret, use the public dev secret"});
        OPTIONS.put("io-threads", new String[] {"N", "Undertow I/O threads (default: processors)"});
        OPTIONS.put("socket-send-buffer", new String[] {"SIZE", "SO_SNDBUF of client sockets (default: the OS's)"});
        OPTIONS.put("auto-subscribe", new String[] {"CHANNEL[,…]", "public channels (scores, match:<id>) every connection follows without asking (default none)"});
        OPTIONS.put("kafka", new String[] {"KEY=VALUE", "extra Kafka consumer setting, repeatable"});
    }

    public static void usage(PrintStream out) {
        out.println("usage: gateway --bootstrap HOST:PORT [options]");
        out.println();
        for (Map.Entry<String, String[]> o : OPTIONS.entrySet()) {
            String left = "--" + o.getKey() + (o.getValue()[0].isEmpty() ? "" : " " + o.getValue()[0]);
            out.printf("  %-34s %s%n", left, o.getValue()[1]);
        }
        out.println();
        out.println("SIZE: bytes, or with k/m (KiB/MiB). DURATION: 500ms, 20s, 5m, or plain seconds.");
        out.println("Close codes: 1013 too slow or gateway full, 1001 idle or shutdown, 1008 abuse, 1009 message too big.");
    }

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " takes a whole number, got '" + v + "'");
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kKmM]?)(?:i?[bB])?");

    private static long bytes(String option, String v) {
        Matcher m = SIZE.matcher(v.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + option + " takes a size (4096, 64k, 1m), got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n * 1024;
            case "m" -> n * 1024 * 1024;
            default -> n;
        };
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    private static Duration duration(String option, String v) {
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + option + " takes a duration (500ms, 20s, 5m), got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static List<String> autoSubscribe(String v) {
        List<String> names = new ArrayList<>();
        for (String name : v.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        try {
            return AutoSubscriptions.of(names).channels();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--auto-subscribe: " + e.getMessage());
        }
    }

    private static Set<Integer> partitions(String v) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String p : v.split(",")) {
            out.add(integer("partitions", p));
        }
        return out;
    }
}
