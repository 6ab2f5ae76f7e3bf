package dev.scoreline.cluster;

import dev.scoreline.json.Json;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client of one channel, as a browser would be: it subscribes at one gateway, folds
 * what arrives into a {@link ChannelView}, and when its connection drops it reconnects with
 * {@code since} = the version it holds: to the next gateway in its list, or, for a player's
 * private channel ({@link #routed}), to the gateway {@code GET /v1/route} names.
 */
final class GatewayClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private final List<Integer> ports;
    private final String channel;
    /** The player's token, for a routed client; null for one that goes down its list. */
    private final String token;
    final ChannelView view;
    /** Channels of frames that reached this client and are not its own. */
    final ConcurrentLinkedQueue<String> foreign = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int current;
    private volatile int port;
    private volatile boolean connected;
    private volatile boolean closed;
    private volatile WsClient socket;
    private volatile long droppedAt = -1;
    private volatile long reconnectedAt = -1;

    GatewayClient(List<Integer> ports, int first, String channel) {
        this(ports, first, channel, null);
    }

    private GatewayClient(List<Integer> ports, int first, String channel, String token) {
        this.ports = ports;
        this.current = first;
        this.channel = channel;
        this.token = token;
        this.view = new ChannelView(channel);
        connect();
    }

    /** A client of a player's private channel, always at the gateway serving the player. */
    static GatewayClient routed(List<Integer> ports, String channel, String token) {
        return new GatewayClient(ports, 0, channel, token);
    }

    private void connect() {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!closed) {
            try {
                int target = token == null ? ports.get(current) : route(ports.get(current));
                Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
                WsClient ws = WsClient.open(target, "", headers, c -> {
                    if (!c.equals(channel)) {
                        foreign.add(c);
                    }
                    return view;
                }).get(5, TimeUnit.SECONDS);
                socket = ws;
                port = target;
                if (view.epoch() == null) {
                    ws.subscribe(channel);
                } else {
                    ws.subscribe(channel, view.epoch(), view.version());
                }
                connected = true;
                ws.closed().thenRun(this::dropped);
                connections.incrementAndGet();
                if (droppedAt > 0) {
                    reconnectedAt = System.currentTimeMillis();
                }
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(channel + ": no gateway to connect to", e);
                }
                current = (current + 1) % ports.size();
                if (token != null) {
                    sleep();
                }
            }
        }
    }

    /** {@code GET /v1/route} at a gateway: the port of the one serving the token's player. */
    private int route(int ask) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ask + "/v1/route"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("route: " + r.statusCode() + " " + r.body());
        }
        return URI.create(Json.tree(r.body()).path("gateway").asText()).getPort();
    }

    int connections() {
        return connections.get();
    }

    /** The port of the gateway it is connected to, or was last. */
    int port() {
        return port;
    }

    boolean connected() {
        return connected;
    }

    long reconnectedAt() {
        return reconnectedAt;
    }

    private void dropped() {
        connected = false;
        if (closed) {
            return;
        }
        droppedAt = System.currentTimeMillis();
        current = (current + 1) % ports.size();
        Thread reconnect = new Thread(this::connect, "reconnect-" + channel);
        reconnect.setDaemon(true);
        reconnect.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        WsClient ws = socket;
        if (ws != null) {
            ws.close();
        }
    }
}
