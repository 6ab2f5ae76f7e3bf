package dev.scoreline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ClientMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A client of the gateway's WebSocket protocol on the JDK's own HttpClient. It keeps every message
 * in arrival order for a test to take ({@link #next}), and as each arrives folds the snapshots and
 * deltas of every channel into a {@link ChannelView} by the version rules ({@link #channel}), and
 * keeps the error frames ({@link #errors}).
 */
public final class WsClient implements AutoCloseable {

    /** A message with the time it arrived. */
    public record Received(JsonNode message, long atMillis) {}

    /** How the connection ended: the close frame's code and reason, or -1 and the error when it broke. */
    public record Closed(int code, String reason) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final Listener listener;

    private WsClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
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
        Map<String, ChannelView> views = new ConcurrentHashMap<>();
        return open(port, query, headers, channel -> views.computeIfAbsent(channel, ChannelView::new));
    }

    /**
     * The same, folding each channel into the view {@code views} gives for it: a client that
     * reconnects keeps its views across connections.
     */
    public static CompletableFuture<WsClient> open(int port, String query, Map<String, String> headers,
            Function<String, ChannelView> views) {
        Listener listener = new Listener(views);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws" + (query.isEmpty() ? "" : "?" + query));
        return builder.buildAsync(uri, listener).thenApply(ws -> new WsClient(ws, listener));
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void sendBinary(ByteBuffer data) {
        socket.sendBinary(data, true).join();
    }

    public void subscribe(String channel) {
        send(Json.string(new ClientMessage.Subscribe(channel, null, null)));
    }

    /** Subscribes resuming from {@code epoch} at {@code version} ({@code since}). */
    public void subscribe(String channel, String epoch, long version) {
        send(Json.string(new ClientMessage.Subscribe(channel, new ClientMessage.Position(epoch, version), null)));
    }

    public void unsubscribe(String channel) {
        send(Json.string(new ClientMessage.Unsubscribe(channel)));
    }

    public void ping() {
        send(Json.string(new ClientMessage.Ping()));
    }

    /** Sends an {@code act} frame: the player's move {@code action} on {@code channel}, named {@code id}. */
    public void act(String id, String channel, ObjectNode action) {
        send(Json.string(new ClientMessage.Act(id, channel, action, null)));
    }

    /**
     * The first answer to the action {@code id}: its verdict, or the error frame that says it was not
     * sent; fails the test after {@code timeout}.
     */
    public JsonNode answer(String id, Duration timeout) {
        Await.until("an answer to action " + id, timeout, () -> !answers(id).isEmpty());
        return answers(id).get(0);
    }

    /** Every answer (verdict or error) to the action {@code id} so far, in order. */
    public List<JsonNode> answers(String id) {
        List<JsonNode> got = listener.answers.get(id);
        if (got == null) {
            return List.of();
        }
        synchronized (got) {
            return List.copyOf(got);
        }
    }

    /** The next message, failing the test after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        return nextReceived(timeout).message();
    }

    public Received nextReceived(Duration timeout) {
        return Await.next(listener.inbox, timeout, "message");
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
        return listener.inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    /** The channel as this client has folded it so far. */
    public ChannelView channel(String channel) {
        return listener.views.apply(channel);
    }

    /** Waits until the channel holds {@code version} or later. */
    public ChannelView awaitVersion(String channel, long version, Duration timeout) {
        ChannelView view = channel(channel);
        Await.until(channel + " at version " + version + " (" + view + ")", timeout, () -> view.version() >= version);
        return view;
    }

    /** The error frames received so far. */
    public List<JsonNode> errors() {
        return List.copyOf(listener.errors);
    }

    public CompletableFuture<Closed> closed() {
        return listener.closed;
    }

    public Closed awaitClose(Duration timeout) {
        try {
            return listener.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return listener.closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        private final List<JsonNode> errors = new CopyOnWriteArrayList<>();
        private final Map<String, List<JsonNode>> answers = new ConcurrentHashMap<>();
        private final CompletableFuture<Closed> closed = new CompletableFuture<>();
        private final Function<String, ChannelView> views;
        private final StringBuilder partial = new StringBuilder();

        Listener(Function<String, ChannelView> views) {
            this.views = views;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Received received = new Received(Json.tree(partial.toString()), System.currentTimeMillis());
                partial.setLength(0);
                fold(received);
                inbox.add(received);
            }
            webSocket.request(1);
            return null;
        }

        private void answered(JsonNode m) {
            if (m.hasNonNull("id")) {
                List<JsonNode> got = answers.computeIfAbsent(m.get("id").asText(), k -> new ArrayList<>());
                synchronized (got) {
                    got.add(m);
                }
            }
        }

        private void fold(Received r) {
            JsonNode m = r.message();
            String channel = m.path("channel").asText();
            switch (m.path("type").asText()) {
                case "snapshot" -> views.apply(channel).snapshot(new Snapshot(channel, m.path("epoch").asText(),
                        m.path("version").asLong(), m.path("state")));
                case "delta" -> views.apply(channel).delta(r.atMillis(), new Delta(channel, m.path("epoch").asText(),
                        m.path("from").asLong(), m.path("to").asLong(), (ObjectNode) m.path("patch")));
                case "error" -> {
                    errors.add(m);
                    answered(m);
                }
                case "verdict" -> answered(m);
                default -> { }
            }
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
