package dev.scoreline.gateway;

import dev.scoreline.cli.Option;
import dev.scoreline.cli.Options;
import dev.scoreline.cli.Parsed;
import dev.scoreline.cli.UsageException;
import dev.scoreline.cli.ValueType;
import dev.scoreline.gateway.fanout.AutoSubscriptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gateway --bootstrap HOST:PORT [--port 8080] …}: one edge gateway against an existing
 * Kafka, until the process is stopped. {@code --help} lists every option with its default.
 */
public final class GatewayMain {

    /** The environment variable read for the JWT secret when {@code --jwt-secret} is not given. */
    public static final String SECRET_ENV = "SCORELINE_GATEWAY_JWT_SECRET";

    /** The environment variable read for the game backend's secret when {@code --server-secret} is not given. */
    public static final String SERVER_SECRET_ENV = "SCORELINE_SERVER_SECRET";

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

    /** Whether {@code --help} or {@code -h} stands anywhere before {@code --}, whatever else is wrong. */
    static boolean wantsHelp(String[] args) {
        return OPTIONS.parse(args).helpRequested();
    }

    /** A size the socket layer takes as an int: anything larger is a usage error, not an overflow. */
    private static int intSize(Parsed p, Option<Long> option) {
        long bytes = p.get(option);
        if (bytes > Integer.MAX_VALUE) {
            throw new UsageException("--" + option.name() + " takes at most " + Integer.MAX_VALUE + " bytes, not "
                    + bytes);
        }
        return (int) bytes;
    }

    private static final GatewayConfig DEFAULTS = GatewayConfig.builder("-").build();
    private static final ValueType<Duration> DURATION = ValueType.duration(ChronoUnit.SECONDS);

    public static final Option<String> BOOTSTRAP = Option.of("bootstrap", ValueType.hostPorts()).required()
            .help("Kafka bootstrap servers, several separated by commas");
    public static final Option<Integer> PORT = Option.of("port", ValueType.integer()).byDefault(DEFAULTS.port())
            .help("HTTP port, 0 for a free one");
    public static final Option<String> BIND = Option.text("bind", "ADDRESS").byDefault(DEFAULTS.bindAddress())
            .help("address to listen on");
    public static final Option<String> SNAPSHOTS_TOPIC = Option.text("snapshots-topic", "NAME")
            .byDefault(DEFAULTS.snapshotTopic()).help("topic of snapshots");
    public static final Option<String> DELTAS_TOPIC = Option.text("deltas-topic", "NAME")
            .byDefault(DEFAULTS.deltaTopic()).help("topic of deltas");
    public static final Option<String> PRIVATE_SNAPSHOTS_TOPIC = Option.text("private-snapshots-topic", "NAME")
            .byDefault(DEFAULTS.privateSnapshotTopic()).help("topic of the private channels' snapshots");
    public static final Option<String> PRIVATE_DELTAS_TOPIC = Option.text("private-deltas-topic", "NAME")
            .byDefault(DEFAULTS.privateDeltaTopic()).help("topic of the private channels' deltas");
    public static final Option<String> PRIVATE_GROUP = Option.text("private-group", "NAME")
            .byDefault(DEFAULTS.privateGroup())
            .help("consumer group in which the gateways share the private topics' partitions, and so the players");
    public static final Option<Duration> PRIVATE_REPLAY = Option.of("private-replay", DURATION)
            .byDefault(DEFAULTS.privateReplay())
            .help("how far back a gateway taking over players reads their deltas (older ones are in the snapshots)");
    public static final Option<String> ADVERTISED_URL = Option.text("advertised-url", "URL")
            .defaultText("http://<bind>:<port>")
            .help("where clients reach this gateway, named to those another gateway sends here");
    public static final Option<List<Integer>> PARTITIONS = Option.of("partitions", ValueType.list(ValueType.integer()))
            .defaultText("all").help("serve only these partitions of both topics");
    public static final Option<Integer> RING_SIZE = Option.of("ring-size", ValueType.integer())
            .byDefault(DEFAULTS.ringSize()).help("recent deltas kept per channel for resuming");
    public static final Option<Long> QUEUE_BYTES = Option.of("queue-bytes", ValueType.size())
            .byDefault(DEFAULTS.queueBytes()).help("bytes a connection may lag before conflation");
    public static final Option<Long> WRITE_WINDOW_BYTES = Option.of("write-window-bytes", ValueType.size())
            .byDefault(DEFAULTS.writeWindowBytes()).help("bytes handed to a socket at once");
    public static final Option<Integer> MAX_CONFLATIONS = Option.of("max-conflations", ValueType.integer())
            .byDefault(DEFAULTS.maxConflations()).help("conflations allowed per window, one more closes with 1013");
    public static final Option<Duration> CONFLATION_WINDOW = Option.of("conflation-window", DURATION)
            .byDefault(DEFAULTS.conflationWindow()).help("the window of --max-conflations");
    public static final Option<Duration> STALL_TIMEOUT = Option.of("stall-timeout", DURATION)
            .byDefault(DEFAULTS.stallTimeout()).help("no write progress this long closes with 1013");
    public static final Option<Long> MAX_FRAME_BYTES = Option.of("max-frame-bytes", ValueType.size())
            .byDefault((long) DEFAULTS.maxFrameBytes()).help("largest client message, beyond closes with 1009");
    public static final Option<Integer> MAX_SUBSCRIPTIONS = Option.of("max-subscriptions", ValueType.integer())
            .byDefault(DEFAULTS.maxSubscriptions()).help("per connection");
    public static final Option<Integer> MAX_CONNECTIONS = Option.of("max-connections", ValueType.integer())
            .byDefault(DEFAULTS.maxConnections()).help("per gateway, beyond answers 503");
    public static final Option<Integer> MAX_MALFORMED = Option.of("max-malformed", ValueType.integer())
            .byDefault(DEFAULTS.maxMalformed()).help("malformed messages before a close with 1008");
    public static final Option<Duration> PING_INTERVAL = Option.of("ping-interval", DURATION)
            .byDefault(DEFAULTS.pingInterval()).help("WebSocket pings and SSE keep-alives");
    public static final Option<Duration> IDLE_TIMEOUT = Option.of("idle-timeout", DURATION)
            .byDefault(DEFAULTS.idleTimeout()).help("a WebSocket silent this long closes with 1001");
    public static final Option<Duration> CLOSE_GRACE = Option.of("close-grace", DURATION)
            .byDefault(DEFAULTS.closeGrace()).help("time for a close to flush before the socket ends");
    public static final Option<String> JWT_SECRET = Option.text("jwt-secret", "SECRET")
            .defaultText("env " + SECRET_ENV).help("HMAC-SHA256 secret of table tokens");
    public static final Option<Boolean> DEV = Option.flag("dev")
            .help("dev mode: without a secret, use the public dev secret");
    public static final Option<Integer> IO_THREADS = Option.of("io-threads", ValueType.integer())
            .defaultText("processors").help("Undertow I/O threads");
    public static final Option<Long> SOCKET_SEND_BUFFER = Option.of("socket-send-buffer", ValueType.size())
            .defaultText("the OS's").help("SO_SNDBUF of client sockets");
    public static final Option<List<String>> AUTO_SUBSCRIBE = Option.of("auto-subscribe",
                    ValueType.of("public channels separated by commas", "CHANNEL[,…]", GatewayMain::autoSubscribe,
                            names -> String.join(",", names)))
            .defaultText("none").help("public channels (scores, match:<id>) every connection follows without asking");
    public static final Option<String> TABLE_TOPIC = Option.text("table-topic", "NAME")
            .byDefault(DEFAULTS.tableTopic()).help("topic players' moves at tables go to");
    public static final Option<String> WALLET_TOPIC = Option.text("wallet-topic", "NAME")
            .byDefault(DEFAULTS.walletTopic()).help("topic players' sits (to their wallets) and credits and debits go to");
    public static final Option<String> SERVER_SECRET = Option.text("server-secret", "SECRET")
            .defaultText("env " + SERVER_SECRET_ENV + ", else none: /v1/wallets closed")
            .help("HMAC-SHA256 secret of the game backend's tokens (credits, debits); not the players'");
    public static final Option<String> VERDICTS_TOPIC = Option.text("verdicts-topic", "NAME")
            .byDefault(DEFAULTS.verdictTopic()).help("topic of the job's verdicts on moves");
    public static final Option<Integer> MOVES_PER_SECOND = Option.of("moves-per-second", ValueType.integer())
            .byDefault(DEFAULTS.movesPerSecond()).help("moves a connection may send a second, beyond: rate-limited");
    public static final Option<Integer> MOVE_BURST = Option.of("move-burst", ValueType.integer())
            .byDefault(DEFAULTS.moveBurst()).help("moves a connection may send at once");
    public static final Option<Duration> VERDICT_WAIT = Option.of("verdict-wait", DURATION)
            .byDefault(DEFAULTS.verdictWait()).help("an HTTP action's wait for its verdict before 202");
    public static final Option<List<Map.Entry<String, String>>> KAFKA = Option.repeatable("kafka", ValueType.keyValue())
            .help("extra Kafka client setting");

    public static final Options OPTIONS = Options.command("gateway",
                    "One edge gateway against an existing Kafka, until the process is stopped.")
            .with(BOOTSTRAP, PORT, BIND, ADVERTISED_URL, SNAPSHOTS_TOPIC, DELTAS_TOPIC, PARTITIONS,
                    PRIVATE_SNAPSHOTS_TOPIC, PRIVATE_DELTAS_TOPIC, PRIVATE_GROUP, PRIVATE_REPLAY, RING_SIZE, QUEUE_BYTES,
                    WRITE_WINDOW_BYTES, MAX_CONFLATIONS, CONFLATION_WINDOW, STALL_TIMEOUT, MAX_FRAME_BYTES,
                    MAX_SUBSCRIPTIONS, MAX_CONNECTIONS, MAX_MALFORMED, PING_INTERVAL, IDLE_TIMEOUT, CLOSE_GRACE,
                    JWT_SECRET, DEV, IO_THREADS, SOCKET_SEND_BUFFER, AUTO_SUBSCRIBE, TABLE_TOPIC, WALLET_TOPIC, SERVER_SECRET,
                    VERDICTS_TOPIC,
                    MOVES_PER_SECOND, MOVE_BURST, VERDICT_WAIT, KAFKA)
            .footer("SIZE: bytes, or with k/m (KiB/MiB). DURATION: 500ms, 20s, 5m, or plain seconds.\n"
                    + "Close codes: 1013 too slow or gateway full, 1001 idle or shutdown, 1008 abuse, 1009 message too big,\n"
                    + "1002 frames that break RFC 6455, 1007 text that is not UTF-8,\n"
                    + "4307 moved (another gateway serves the player now: GET /v1/route).");

    /**
     * Reads the command line into a configuration.
     *
     * @param env the environment, for {@value #SECRET_ENV}
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static GatewayConfig parse(String[] args, Map<String, String> env) {
        return config(OPTIONS.parse(args), env);
    }

    /** The gateway's configuration from what a command was given (its spec includes {@link #OPTIONS}'s). */
    public static GatewayConfig config(Parsed p, Map<String, String> env) {
        Map<String, String> kafka = new LinkedHashMap<>();
        p.get(KAFKA).forEach(e -> kafka.put(e.getKey(), e.getValue()));
        GatewayConfig.Builder b = GatewayConfig.builder(p.get(BOOTSTRAP))
                .port(p.get(PORT))
                .bindAddress(p.get(BIND))
                .snapshotTopic(p.get(SNAPSHOTS_TOPIC))
                .deltaTopic(p.get(DELTAS_TOPIC))
                .privateSnapshotTopic(p.get(PRIVATE_SNAPSHOTS_TOPIC))
                .privateDeltaTopic(p.get(PRIVATE_DELTAS_TOPIC))
                .privateGroup(p.get(PRIVATE_GROUP))
                .privateReplay(p.get(PRIVATE_REPLAY))
                .advertisedUrl(p.get(ADVERTISED_URL))
                .ringSize(p.get(RING_SIZE))
                .queueBytes(p.get(QUEUE_BYTES))
                .writeWindowBytes(p.get(WRITE_WINDOW_BYTES))
                .maxConflations(p.get(MAX_CONFLATIONS))
                .conflationWindow(p.get(CONFLATION_WINDOW))
                .stallTimeout(p.get(STALL_TIMEOUT))
                .maxFrameBytes(intSize(p, MAX_FRAME_BYTES))
                .maxSubscriptions(p.get(MAX_SUBSCRIPTIONS))
                .maxConnections(p.get(MAX_CONNECTIONS))
                .maxMalformed(p.get(MAX_MALFORMED))
                .pingInterval(p.get(PING_INTERVAL))
                .idleTimeout(p.get(IDLE_TIMEOUT))
                .closeGrace(p.get(CLOSE_GRACE))
                .devMode(p.get(DEV))
                .tableTopic(p.get(TABLE_TOPIC))
                .walletTopic(p.get(WALLET_TOPIC))
                .verdictTopic(p.get(VERDICTS_TOPIC))
                .movesPerSecond(p.get(MOVES_PER_SECOND))
                .moveBurst(p.get(MOVE_BURST))
                .verdictWait(p.get(VERDICT_WAIT))
                .kafkaProperties(kafka);
        if (p.has(PARTITIONS)) {
            b.partitions(new LinkedHashSet<>(p.get(PARTITIONS)));
        }
        if (p.has(IO_THREADS)) {
            b.ioThreads(p.get(IO_THREADS));
        }
        if (p.has(SOCKET_SEND_BUFFER)) {
            b.socketSendBufferBytes(intSize(p, SOCKET_SEND_BUFFER));
        }
        if (p.has(AUTO_SUBSCRIBE)) {
            b.autoSubscribe(p.get(AUTO_SUBSCRIBE));
        }
        if (p.has(JWT_SECRET)) {
            b.jwtSecret(p.get(JWT_SECRET));
        } else if (env.get(SECRET_ENV) != null && !env.get(SECRET_ENV).isEmpty()) {
            b.jwtSecret(env.get(SECRET_ENV));
        }
        if (p.has(SERVER_SECRET)) {
            b.serverSecret(p.get(SERVER_SECRET));
        } else if (env.get(SERVER_SECRET_ENV) != null && !env.get(SERVER_SECRET_ENV).isEmpty()) {
            b.serverSecret(env.get(SERVER_SECRET_ENV));
        }
        GatewayConfig config = b.build();
        if (config.serverSecret() != null && config.serverSecret().equals(config.effectiveJwtSecret())) {
            throw new IllegalArgumentException("--server-secret must differ from the players' token secret: "
                    + "a player's token would otherwise move chips");
        }
        return config;
    }

    public static void usage(PrintStream out) {
        out.println(OPTIONS.help());
    }

    private static List<String> autoSubscribe(String v) {
        List<String> names = new ArrayList<>();
        for (String name : v.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return AutoSubscriptions.of(names).channels();
    }
}
