package dev.scoreline.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bot's WebSocket to a gateway, with a player's token: JSON frames out, one at a time, and each
 * message in handed whole to the bot. Like any client of a fleet of gateways it connects where
 * {@code GET /v1/route} says its player is served, and when that moves (close code 4307) it goes
 * there and subscribes again.
 */
public final class BotSocket {

    /** The close code of a gateway that no longer serves the player. */
    public static final int MOVED = 4307;
    private static final int ROUTE_TRIES = 40;
    private static final Duration ROUTE_RETRY = Duration.ofMillis(500);

    private final HttpClient http;
    private final URI gateway;
    private final String token;
    private final Consumer<JsonNode> received;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> channels = new ArrayList<>();
    private WebSocket socket;
    private boolean closed;
    /** The last send: the next one waits for it. */
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private BotSocket(HttpClient http, URI gateway, String token, Consumer<JsonNode> received) {
        this.http = http;
        this.gateway = gateway;
        this.token = token;
        this.received = received;
    }

    /** Connects; {@code received} is called on the socket's thread with each message. */
    public static CompletableFuture<BotSocket> open(HttpClient http, URI gateway, String token,
            Consumer<JsonNode> received) {
        BotSocket bot = new BotSocket(http, gateway, token, received);
        return bot.connect().thenApply(ws -> bot);
    }

    private CompletableFuture<WebSocket> connect() {
        return reach(ROUTE_TRIES).thenApply(ws -> {
            synchronized (this) {
                socket = ws;
                sending = CompletableFuture.completedFuture(ws);
                channels.forEach(channel -> sendLocked(Map.of("type", "subscribe", "channel", channel)));
            }
            return ws;
        });
    }

    /**
     * A WebSocket to the gateway serving the player, tried again a while: the gateway named may be
     * gone (Kafka names a dead one until its session times out).
     */
    private CompletableFuture<WebSocket> reach(int tries) {
        return route(ROUTE_TRIES)
                .thenCompose(target -> http.newWebSocketBuilder()
                        .header("Authorization", "Bearer " + token)
                        .buildAsync(target, new Listener()))
                .handle((ws, error) -> error == null ? CompletableFuture.completedFuture(ws)
                        : tries > 1 ? later().thenCompose(x -> reach(tries - 1))
                        : CompletableFuture.<WebSocket>failedFuture(error))
                .thenCompose(f -> f);
    }

    private static CompletableFuture<Void> later() {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(ROUTE_RETRY.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The gateway serving this player, by {@code GET /v1/route} at the one given; retried while nobody does. */
    private CompletableFuture<URI> route(int tries) {
        URI ask = URI.create(gateway.toString().replaceFirst("^ws", "http")).resolve("/v1/route");
        HttpRequest request = HttpRequest.newBuilder(ask).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
            if (r.statusCode() == 200) {
                return CompletableFuture.completedFuture(URI.create(Json.tree(r.body()).path("websocket").asText()));
            }
            if (r.statusCode() == 503 && tries > 1) {
                return later().thenCompose(x -> route(tries - 1));
            }
            return CompletableFuture.failedFuture(
                    new IllegalStateException("GET " + ask + ": " + r.statusCode() + " " + r.body()));
        });
    }

    /** Follows {@code channel}, now and on every gateway the player is moved to. */
    public synchronized void subscribe(String channel) {
        channels.add(channel);
        sendLocked(Map.of("type", "subscribe", "channel", channel));
    }

    /**
     * Sends after whatever was sent before has gone out: a WebSocket takes one text at a time, and
     * a second {@code sendText} while the first is pending fails (its future, which nobody reads),
     * so that a bot whose two subscriptions went out together lost its seat's channel, sat down and
     * never saw a move it could make.
     */
    public synchronized void send(Object frame) {
        sendLocked(frame);
    }

    private void sendLocked(Object frame) {
        String text = Json.string(frame);
        WebSocket ws = socket;
        sending = sending.handle((w, e) -> null).thenCompose(ignored -> ws.sendText(text, true));
    }

    /** Closes after whatever was sent before. */
    public synchronized void close(String why) {
        closed = true;
        if (socket != null) {
            WebSocket ws = socket;
            sending = sending.handle((w, e) -> null).thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, why));
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received.accept(Json.tree(text));
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            synchronized (BotSocket.this) {
                if (statusCode == MOVED && !closed) {
                    partial.setLength(0);
                    connect();
                }
            }
            return null;
        }
    }
}
