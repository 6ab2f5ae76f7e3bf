package dev.scoreline.gateway;

import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.auth.ServerTokenVerifier;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.ConnectionRegistry;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.feed.FeedSettings;
import dev.scoreline.gateway.feed.KafkaFeed;
import dev.scoreline.gateway.feed.PrivateFeed;
import dev.scoreline.gateway.feed.PrivateShards;
import dev.scoreline.gateway.http.Routes;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.gateway.metrics.GatewayMetrics.PartitionLag;
import dev.scoreline.gateway.sse.SseEndpoint;
import dev.scoreline.gateway.ws.WebSocketEndpoint;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * One edge gateway: a Kafka feed of snapshots and deltas into per-channel state, fanned out to
 * WebSocket and Server-Sent Events clients by an Undertow server. Holds nothing on disk; any
 * number can run side by side.
 *
 * <pre>{@code
 * try (EdgeGateway gateway = new EdgeGateway(GatewayConfig.builder("localhost:9092").port(8080).build()).start()) {
 *     gateway.awaitReady(Duration.ofMinutes(1));
 *     ...
 * }
 * }</pre>
 */
public final class EdgeGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeGateway.class);

    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final Hubs hubs;
    private final ConnectionRegistry registry;
    private final TokenVerifier verifier;
    private final KafkaFeed feed;
    private final PrivateShards shards;
    private final PrivateFeed privateFeed;
    private final Moves moves;
    private final ClientServices clients;
    private Undertow server;
    private int port;

    public EdgeGateway(GatewayConfig config) {
        this.config = config;
        this.hubs = new Hubs(config.ringSize(), config.fanoutLimits().maxReplayBytes());
        this.registry = new ConnectionRegistry(config.maxConnections());
        this.verifier = new TokenVerifier(config.effectiveJwtSecret(), clock);
        this.feed = new KafkaFeed(new FeedSettings(config.bootstrapServers(), config.snapshotTopic(),
                config.deltaTopic(), config.partitions(), Duration.ofMillis(100), "scoreline-gateway",
                config.kafkaProperties()), hubs, metrics);
        Map<String, String> kafka = new HashMap<>(config.kafkaProperties());
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        this.shards = new PrivateShards(config.privateGroup(), config.privateDeltaTopic(), kafka);
        this.privateFeed = new PrivateFeed(new PrivateFeed.Settings(config.bootstrapServers(),
                config.privateSnapshotTopic(), config.privateDeltaTopic(), config.privateGroup(), Duration.ofMillis(100),
                config.privateReplay(), config.kafkaProperties()), shards, hubs, metrics);
        metrics.observePrivate(hubs::knownPrivateChannels, shards::ownedPartitions);
        metrics.observe(hubs::knownChannels, () -> {
            List<PartitionLag> lag = new ArrayList<>(feed.lag());
            lag.addAll(privateFeed.lag());
            return lag;
        });
        this.moves = new Moves(config.bootstrapServers(), config.tableTopic(), config.walletTopic(), config.verdictTopic(),
                config.kafkaProperties(), config.movesPerSecond(), config.moveBurst());
        this.clients = new ClientServices(config, hubs, verifier, registry, metrics, clock,
                config.autoSubscriptions(), moves, shards, config.fanoutLimits());
    }

    /** Starts the feed and the server; returns at once (see {@link #awaitReady}). */
    public EdgeGateway start() {
        if (config.effectiveJwtSecret() == null) {
            LOG.warn("no JWT secret configured: table channels will answer 'unauthorized'");
        } else if (config.jwtSecret() == null) {
            LOG.warn("dev mode: table tokens are checked with the public dev secret");
        }
        feed.start();
        moves.start();
        Undertow.Builder builder = Undertow.builder()
                .addHttpListener(config.port(), config.bindAddress())
                .setIoThreads(config.ioThreads())
                .setWorkerThreads(Math.max(2, config.ioThreads()))
                .setHandler(Routes.of(
                        new WebSocketEndpoint(clients),
                        new SseEndpoint(clients),
                        hubs, verifier, metrics, this::isReady, clock,
                        config.jwtSecret() == null && config.devMode() ? GatewayConfig.DEV_SECRET : null,
                        new Routes.ActionsSettings(moves, config.maxFrameBytes(), config.verdictWait(),
                                new ServerTokenVerifier(config.serverSecret(), clock)), shards));
        if (config.socketSendBufferBytes() > 0) {
            builder.setSocketOption(Options.SEND_BUFFER, config.socketSendBufferBytes());
        }
        server = builder.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            feed.close();
            moves.close();
            throw new IllegalStateException("cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        shards.serveAs(config.advertisedUrl(port));
        boolean everyAddress = config.bindAddress().equals("0.0.0.0") || config.bindAddress().equals("::");
        if (config.advertisedUrl() == null && everyAddress) {
            LOG.warn("no --advertised-url: other gateways send this one's players to {}, which only this machine reaches",
                    shards.self());
        }
        privateFeed.start();
        LOG.info("edge gateway on {}:{} reading {} and {} from {}", config.bindAddress(), port,
                config.snapshotTopic(), config.deltaTopic(), config.bootstrapServers());
        return this;
    }

    /** The port the server listens on (the chosen one when configured with 0). */
    public int port() {
        return port;
    }

    /**
     * True once the feed has read the public topics up to where they ended at start, and the
     * gateways' group has given this one its share of the players (perhaps none) and it read it.
     */
    public boolean isReady() {
        return feed.isReady() && privateFeed.isReady();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return feed.awaitReady(timeout)
                && privateFeed.awaitReady(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** This gateway's address for clients, as the others name it. */
    public String advertisedUrl() {
        return shards.self();
    }

    /**
     * True once moves are taken: the verdicts topic is followed (until then an {@code act} is
     * answered {@code unavailable}). Apart from {@link #isReady()}, so that a gateway without the
     * topic still serves every reader.
     */
    public boolean awaitMovesReady(Duration timeout) throws InterruptedException {
        return moves.awaitReady(timeout);
    }

    /** The metrics as {@code /metrics} serves them. */
    public byte[] metricsText() {
        return metrics.scrapeText();
    }

    /** Tells every client the gateway is going away (1001), stops the feed, then the server. */
    @Override
    public void close() {
        registry.closeAll(CloseReason.SHUTDOWN, "gateway shutting down");
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (registry.size() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        feed.close();
        privateFeed.close();
        shards.close();
        moves.close();
        if (server != null) {
            server.stop();
        }
    }
}
