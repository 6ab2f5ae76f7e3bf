package dev.scoreline.gateway.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client on the JDK's own HttpClient, collecting what the gateway sends. */
public final class WsClient implements AutoCloseable {

    /** A message with the time it arrived. */
    public record Received(JsonNode message, long atMillis) {}

    public record Closed(int code, String reason) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<Received> inbox;
    private final CompletableFuture<Closed> closed;

    private WsClient(WebSocket socket, BlockingQueue<Received> inbox, CompletableFuture<Closed> closed) {
        this.socket = socket;
        this.inbox = inbox;
        this.closed = closed;
    }

    public static WsClient connect(int port) {
        return connect(port, "", Map.of());
    }

    public static WsClient connect(int port, String query, Map<String, String> headers) {
        try {
            return open(port, query, headers).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("WebSocket did not open: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The upgrade as it happens, for tests of upgrades that fail. */
    public static CompletableFuture<WsClient> open(int port, String query, Map<String, String> headers) {
        BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        CompletableFuture<Closed> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query));
        return builder.buildAsync(uri, new Listener(inbox, closed))
                .thenApply(ws -> new WsClient(ws, inbox, closed));
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void sendBinary(java.nio.ByteBuffer data) {
        socket.sendBinary(data, true).join();
    }

    public void subscribe(String channel) {
        send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
    }

    /** The next message, failing the test after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        return nextReceived(timeout).message();
    }

    public Received nextReceived(Duration timeout) {
        try {
            Received r = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Messages until one matches {@code last} (included). */
    public List<JsonNode> until(Predicate<JsonNode> last, Duration timeout) {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            out.add(m);
            if (last.test(m)) {
                return out;
            }
        }
    }

    /** Nothing arrives for {@code quiet}. */
    public boolean silentFor(Duration quiet) throws InterruptedException {
        return inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Received> inbox;
        private final CompletableFuture<Closed> closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Received> inbox, CompletableFuture<Closed> closed) {
            this.inbox = inbox;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(new Received(Json.tree(partial.toString()), System.currentTimeMillis()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
