package dev.scoreline.gateway;

import dev.scoreline.gateway.act.Moves;
import dev.scoreline.gateway.auth.ServerTokenVerifier;
import dev.scoreline.gateway.auth.TokenVerifier;
import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.ConnectionRegistry;
import dev.scoreline.gateway.fanout.Hubs;
import dev.scoreline.gateway.feed.FeedSettings;
import dev.scoreline.gateway.feed.KafkaFeed;
import dev.scoreline.gateway.http.Routes;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.gateway.sse.SseEndpoint;
import dev.scoreline.gateway.ws.WebSocketEndpoint;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
        metrics.observe(hubs::knownChannels, () -> new ArrayList<>(feed.lag()));
        this.moves = new Moves(config.bootstrapServers(), config.tableTopic(), config.walletTopic(), config.verdictTopic(),
                config.kafkaProperties(), config.movesPerSecond(), config.moveBurst());
        this.clients = new ClientServices(config, hubs, verifier, registry, metrics, clock,
                config.autoSubscriptions(), moves);
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
                        hubs, verifier, metrics, feed::isReady, clock,
                        config.jwtSecret() == null && config.devMode() ? GatewayConfig.DEV_SECRET : null,
                        new Routes.ActionsSettings(moves, config.maxFrameBytes(), config.verdictWait(),
                                new ServerTokenVerifier(config.serverSecret(), clock))));
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
        LOG.info("edge gateway on {}:{} reading {} and {} from {}", config.bindAddress(), port,
                config.snapshotTopic(), config.deltaTopic(), config.bootstrapServers());
        return this;
    }

    /** The port the server listens on (the chosen one when configured with 0). */
    public int port() {
        return port;
    }

    /** True once the feed has read both topics up to where they ended at start. */
    public boolean isReady() {
        return feed.isReady();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return feed.awaitReady(timeout);
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
        moves.close();
        if (server != null) {
            server.stop();
        }
    }
}
