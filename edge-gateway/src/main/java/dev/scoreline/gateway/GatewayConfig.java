package dev.scoreline.gateway;

import dev.scoreline.gateway.fanout.AutoSubscriptions;
import dev.scoreline.gateway.fanout.FanoutLimits;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything an {@link EdgeGateway} is started with. {@link #builder(String)} gives the defaults.
 *
 * @param bootstrapServers Kafka, {@code HOST:PORT[,HOST:PORT…]}
 * @param snapshotTopic default {@code state-snapshots}
 * @param deltaTopic default {@code state-deltas}
 * @param bindAddress default {@code 0.0.0.0}
 * @param port default 8080; 0 picks a free port (see {@link EdgeGateway#port()})
 * @param partitions the partitions of both topics to serve (a shard), empty for all (default)
 * @param ringSize recent deltas kept per channel for resuming clients, default 128
 * @param queueBytes most bytes waiting for one connection before it is conflated, default 1 MiB
 * @param writeWindowBytes most bytes handed to one connection's socket at once, default 64 KiB
 * @param maxConflations conflations a connection may take within {@code conflationWindow} (one more
 *     closes it with 1013), default 3 within 30 s
 * @param stallTimeout a connection whose writes make no progress this long is closed with 1013,
 *     default 30 s
 * @param maxFrameBytes largest message a client may send, default 4096 (beyond: close 1009)
 * @param maxSubscriptions per connection, default 64
 * @param maxConnections per gateway, default 10,000 (beyond: HTTP 503 on the upgrade)
 * @param maxMalformed malformed messages a connection may send before it is closed with 1008,
 *     default 10
 * @param pingInterval how often the gateway pings a WebSocket client (and writes an SSE
 *     keep-alive comment), default 20 s
 * @param idleTimeout a WebSocket client that sends nothing (not even a pong) this long is closed
 *     with 1001, default 60 s
 * @param closeGrace how long a closing connection may take to flush its close frame before its
 *     socket is closed, default 5 s
 * @param jwtSecret HMAC-SHA256 secret of table tokens; null means no table channel opens, unless
 *     {@code devMode}
 * @param devMode true to fall back to {@link #DEV_SECRET} when no secret is given; for local runs
 *     only
 * @param ioThreads Undertow I/O threads, default the number of processors
 * @param socketSendBufferBytes SO_SNDBUF of client sockets, 0 (default) for the OS's own, which
 *     grows on demand
 * @param kafkaProperties extra Kafka consumer settings, Kafka's names
 * @param autoSubscribe public channels every new connection follows without asking (see
 *     {@link AutoSubscriptions}), none by default; they count towards {@code maxSubscriptions}
 * @param tableTopic where players' moves at tables go, default {@code table-events}
 * @param walletTopic where players' sits (the buy-in first goes to the wallet) and the game backend's
 *     credits and debits go, default {@code wallet-events}
 * @param serverSecret HMAC-SHA256 secret of the game backend's tokens, which open
 *     {@code /v1/wallets/…} (credits and debits); a different secret from {@code jwtSecret}, so
 *     that no player's token can move chips; null closes that path
 * @param verdictTopic where the job answers them, default {@code verdicts}
 * @param movesPerSecond moves one connection may send a second on average, default 20
 * @param moveBurst moves one connection may send at once, default 40
 * @param verdictWait how long an HTTP action waits for its verdict before answering 202, default 5 s
 * @param privateSnapshotTopic the private channels' snapshots, default {@code private-snapshots}
 * @param privateDeltaTopic the private channels' deltas, default {@code private-deltas}
 * @param privateGroup the consumer group the gateways share the private topics' partitions in
 *     (and so the players), default {@code scoreline-gateways}
 * @param privateReplay how far back a gateway taking over players reads their deltas (the older
 *     ones are in the snapshots); at least the job's {@code --snapshot-interval}, default 2 min
 * @param advertisedUrl where clients reach this gateway ({@code http://host:port[/path]}: a path
 *     when a load balancer sends that path to this gateway alone), named to
 *     clients sent here from another gateway; null (default) for {@code http://<bind>:<port>}
 *     (the loopback address when bound to every address)
 */
public record GatewayConfig(
        String bootstrapServers,
        String snapshotTopic,
        String deltaTopic,
        String bindAddress,
        int port,
        Set<Integer> partitions,
        int ringSize,
        long queueBytes,
        long writeWindowBytes,
        int maxConflations,
        Duration conflationWindow,
        Duration stallTimeout,
        int maxFrameBytes,
        int maxSubscriptions,
        int maxConnections,
        int maxMalformed,
        Duration pingInterval,
        Duration idleTimeout,
        Duration closeGrace,
        String jwtSecret,
        boolean devMode,
        int ioThreads,
        int socketSendBufferBytes,
        Map<String, String> kafkaProperties,
        List<String> autoSubscribe,
        String tableTopic,
        String walletTopic,
        String serverSecret,
        String verdictTopic,
        int movesPerSecond,
        int moveBurst,
        Duration verdictWait,
        String privateSnapshotTopic,
        String privateDeltaTopic,
        String privateGroup,
        Duration privateReplay,
        String advertisedUrl) {

    /** The secret used in dev mode when none is given. Never for a deployment. */
    public static final String DEV_SECRET = "scoreline-dev-secret-not-for-production";

    public GatewayConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        partitions = Set.copyOf(partitions);
        kafkaProperties = Map.copyOf(kafkaProperties);
        autoSubscribe = AutoSubscriptions.of(autoSubscribe).channels();
        require(port >= 0 && port <= 65535, "port must be 0..65535: " + port);
        require(ringSize >= 1, "ringSize must be >= 1");
        require(maxFrameBytes >= 64, "maxFrameBytes must be >= 64");
        require(maxSubscriptions >= 1, "maxSubscriptions must be >= 1");
        require(maxConnections >= 1, "maxConnections must be >= 1");
        require(maxMalformed >= 1, "maxMalformed must be >= 1");
        require(autoSubscribe.size() <= maxSubscriptions, "autoSubscribe names " + autoSubscribe.size()
                + " channels, more than maxSubscriptions (" + maxSubscriptions + ")");
        require(ioThreads >= 1, "ioThreads must be >= 1");
        require(movesPerSecond >= 1, "movesPerSecond must be >= 1");
        require(moveBurst >= 1, "moveBurst must be >= 1");
        require(verdictWait.toMillis() >= 1, "verdictWait must be > 0");
        require(socketSendBufferBytes >= 0, "socketSendBufferBytes must be >= 0");
        require(!pingInterval.isZero() && !pingInterval.isNegative(), "pingInterval must be > 0");
        require(idleTimeout.compareTo(pingInterval) > 0, "idleTimeout must be longer than pingInterval");
        require(!closeGrace.isNegative(), "closeGrace must be >= 0");
        require(privateReplay.toMillis() >= 1, "privateReplay must be > 0");
        require(advertisedUrl == null || advertisedUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?"),
                "advertisedUrl must be http[s]://host:port[/path], without a query or a closing slash: " + advertisedUrl);
        for (int p : partitions) {
            require(p >= 0, "partitions are numbered from 0: " + p);
        }
        new FanoutLimits(queueBytes, writeWindowBytes, maxConflations, conflationWindow, stallTimeout);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public FanoutLimits fanoutLimits() {
        return new FanoutLimits(queueBytes, writeWindowBytes, maxConflations, conflationWindow, stallTimeout);
    }

    public AutoSubscriptions autoSubscriptions() {
        return AutoSubscriptions.of(autoSubscribe);
    }

    /** The secret tokens are checked with: the configured one, else the dev one in dev mode, else null. */
    public String effectiveJwtSecret() {
        return jwtSecret != null ? jwtSecret : devMode ? DEV_SECRET : null;
    }

    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    public Builder toBuilder() {
        return new Builder(bootstrapServers).snapshotTopic(snapshotTopic).deltaTopic(deltaTopic)
                .bindAddress(bindAddress).port(port).partitions(partitions).ringSize(ringSize)
                .queueBytes(queueBytes).writeWindowBytes(writeWindowBytes).maxConflations(maxConflations)
                .conflationWindow(conflationWindow).stallTimeout(stallTimeout).maxFrameBytes(maxFrameBytes)
                .maxSubscriptions(maxSubscriptions).maxConnections(maxConnections).maxMalformed(maxMalformed)
                .pingInterval(pingInterval).idleTimeout(idleTimeout).closeGrace(closeGrace).jwtSecret(jwtSecret)
                .devMode(devMode).ioThreads(ioThreads).socketSendBufferBytes(socketSendBufferBytes)
                .kafkaProperties(kafkaProperties).autoSubscribe(autoSubscribe).tableTopic(tableTopic)
                .walletTopic(walletTopic).serverSecret(serverSecret).verdictTopic(verdictTopic)
                .movesPerSecond(movesPerSecond).moveBurst(moveBurst)
                .verdictWait(verdictWait).privateSnapshotTopic(privateSnapshotTopic)
                .privateDeltaTopic(privateDeltaTopic).privateGroup(privateGroup).privateReplay(privateReplay)
                .advertisedUrl(advertisedUrl);
    }

    /** This gateway's address for clients, once its port is known ({@code port} when configured with 0). */
    public String advertisedUrl(int boundPort) {
        if (advertisedUrl != null) {
            return advertisedUrl;
        }
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
    }

    /** Defaults as documented on {@link GatewayConfig}. */
    public static final class Builder {
        private final String bootstrapServers;
        private String snapshotTopic = Topic.STATE_SNAPSHOTS.defaultName();
        private String deltaTopic = Topic.STATE_DELTAS.defaultName();
        private String bindAddress = "0.0.0.0";
        private int port = 8080;
        private Set<Integer> partitions = Set.of();
        private int ringSize = 128;
        private long queueBytes = 1024 * 1024;
        private long writeWindowBytes = 64 * 1024;
        private int maxConflations = 3;
        private Duration conflationWindow = Duration.ofSeconds(30);
        private Duration stallTimeout = Duration.ofSeconds(30);
        private int maxFrameBytes = 4096;
        private int maxSubscriptions = 64;
        private int maxConnections = 10_000;
        private int maxMalformed = 10;
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration closeGrace = Duration.ofSeconds(5);
        private String jwtSecret;
        private boolean devMode;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private int socketSendBufferBytes;
        private Map<String, String> kafkaProperties = Map.of();
        private List<String> autoSubscribe = List.of();
        private String tableTopic = Topic.TABLE_EVENTS.defaultName();
        private String walletTopic = Topic.WALLET_EVENTS.defaultName();
        private String serverSecret;
        private String verdictTopic = Topic.VERDICTS.defaultName();
        private int movesPerSecond = 20;
        private int moveBurst = 40;
        private Duration verdictWait = Duration.ofSeconds(5);
        private String privateSnapshotTopic = Topic.PRIVATE_SNAPSHOTS.defaultName();
        private String privateDeltaTopic = Topic.PRIVATE_DELTAS.defaultName();
        private String privateGroup = "scoreline-gateways";
        private Duration privateReplay = Duration.ofMinutes(2);
        private String advertisedUrl;

        private Builder(String bootstrapServers) {
            this.bootstrapServers = bootstrapServers;
        }

        public Builder snapshotTopic(String v) { snapshotTopic = v; return this; }
        public Builder deltaTopic(String v) { deltaTopic = v; return this; }
        public Builder bindAddress(String v) { bindAddress = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder partitions(Set<Integer> v) { partitions = v; return this; }
        public Builder ringSize(int v) { ringSize = v; return this; }
        public Builder queueBytes(long v) { queueBytes = v; return this; }
        public Builder writeWindowBytes(long v) { writeWindowBytes = v; return this; }
        public Builder maxConflations(int v) { maxConflations = v; return this; }
        public Builder conflationWindow(Duration v) { conflationWindow = v; return this; }
        public Builder stallTimeout(Duration v) { stallTimeout = v; return this; }
        public Builder maxFrameBytes(int v) { maxFrameBytes = v; return this; }
        public Builder maxSubscriptions(int v) { maxSubscriptions = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder maxMalformed(int v) { maxMalformed = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder closeGrace(Duration v) { closeGrace = v; return this; }
        public Builder jwtSecret(String v) { jwtSecret = v; return this; }
        public Builder devMode(boolean v) { devMode = v; return this; }
        public Builder ioThreads(int v) { ioThreads = v; return this; }
        public Builder socketSendBufferBytes(int v) { socketSendBufferBytes = v; return this; }
        public Builder kafkaProperties(Map<String, String> v) { kafkaProperties = v; return this; }
        public Builder autoSubscribe(List<String> v) { autoSubscribe = v; return this; }
        public Builder tableTopic(String v) { tableTopic = v; return this; }
        public Builder walletTopic(String v) { walletTopic = v; return this; }
        public Builder serverSecret(String v) { serverSecret = v; return this; }
        public Builder verdictTopic(String v) { verdictTopic = v; return this; }
        public Builder movesPerSecond(int v) { movesPerSecond = v; return this; }
        public Builder moveBurst(int v) { moveBurst = v; return this; }
        public Builder verdictWait(Duration v) { verdictWait = v; return this; }
        public Builder privateSnapshotTopic(String v) { privateSnapshotTopic = v; return this; }
        public Builder privateDeltaTopic(String v) { privateDeltaTopic = v; return this; }
        public Builder privateGroup(String v) { privateGroup = v; return this; }
        public Builder privateReplay(Duration v) { privateReplay = v; return this; }
        public Builder advertisedUrl(String v) { advertisedUrl = v; return this; }

        public GatewayConfig build() {
            return new GatewayConfig(bootstrapServers, snapshotTopic, deltaTopic, bindAddress, port, partitions,
                    ringSize, queueBytes, writeWindowBytes, maxConflations, conflationWindow, stallTimeout,
                    maxFrameBytes, maxSubscriptions, maxConnections, maxMalformed, pingInterval, idleTimeout,
                    closeGrace, jwtSecret, devMode, ioThreads, socketSendBufferBytes, kafkaProperties,
                    autoSubscribe, tableTopic, walletTopic, serverSecret, verdictTopic, movesPerSecond, moveBurst,
                    verdictWait, privateSnapshotTopic, privateDeltaTopic, privateGroup, privateReplay, advertisedUrl);
        }
    }
}
