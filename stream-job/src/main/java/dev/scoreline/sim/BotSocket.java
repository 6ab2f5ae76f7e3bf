package dev.scoreline.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A bot's WebSocket to a gateway, with a player's token: JSON frames out, one at a time, and each
 * message in handed whole to the bot.
 */
public final class BotSocket {

    private final Consumer<JsonNode> received;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    /** The last send: the next one waits for it. */
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    private BotSocket(Consumer<JsonNode> received) {
        this.received = received;
    }

    /** Connects; {@code received} is called on the socket's thread with each message. */
    public static CompletableFuture<BotSocket> open(HttpClient http, URI gateway, String token,
            Consumer<JsonNode> received) {
        BotSocket bot = new BotSocket(received);
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(gateway, bot.new Listener())
                .thenApply(ws -> {
                    synchronized (bot) {
                        bot.socket = ws;
                    }
                    return bot;
                });
    }

    /**
     * Sends after whatever was sent before has gone out: a WebSocket takes one text at a time, and
     * a second {@code sendText} while the first is pending fails (its future, which nobody reads),
     * so that a bot whose two subscriptions went out together lost its seat's channel, sat down and
     * never saw a move it could make.
     */
    public synchronized void send(Object frame) {
        String text = Json.string(frame);
        WebSocket ws = socket;
        sending = sending.handle((w, e) -> null).thenCompose(ignored -> ws.sendText(text, true));
    }

    /** Closes after whatever was sent before. */
    public synchronized void close(String why) {
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
    }
}
