package dev.scoreline.cluster;

import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ClientMessage;
import dev.scoreline.wire.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client of one match channel, as a browser would be: it subscribes at one gateway,
 * folds what arrives into a {@link ChannelClient}, and when its connection drops it reconnects to
 * the next gateway in its list with {@code since} = the version it holds.
 */
final class GatewayClient implements AutoCloseable {

    private final List<Integer> ports;
    private final String channel;
    final ChannelClient view;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int current;
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile long droppedAt = -1;
    private volatile long reconnectedAt = -1;

    GatewayClient(List<Integer> ports, int first, String channel) {
        this.ports = ports;
        this.current = first;
        this.channel = channel;
        this.view = new ChannelClient(channel);
        connect();
    }

    private void connect() {
        int port = ports.get(current);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!closed) {
            try {
                socket = HttpClient.newHttpClient().newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(3))
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener())
                        .get(5, TimeUnit.SECONDS);
                ClientMessage.Position since = view.epoch() == null ? null
                        : new ClientMessage.Position(view.epoch(), view.version());
                socket.sendText(Json.string(new ClientMessage.Subscribe(channel, since, null)), true);
                connections.incrementAndGet();
                if (droppedAt > 0) {
                    reconnectedAt = System.currentTimeMillis();
                }
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot connect to the gateway on " + port, e);
                }
                current = (current + 1) % ports.size();
                port = ports.get(current);
            }
        }
    }

    int connections() {
        return connections.get();
    }

    int port() {
        return ports.get(current);
    }

    long reconnectedAt() {
        return reconnectedAt;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                ServerMessage message = Json.read(text.toString(), ServerMessage.class);
                text.setLength(0);
                long now = System.currentTimeMillis();
                if (message instanceof ServerMessage.SnapshotFrame s) {
                    view.snapshot(new Snapshot(s.channel(), s.epoch(), s.version(), s.state()));
                } else if (message instanceof ServerMessage.DeltaFrame d) {
                    view.delta(now, new Delta(d.channel(), d.epoch(), d.from(), d.to(), d.patch()));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            dropped();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            dropped();
        }

        private void dropped() {
            if (closed) {
                return;
            }
            droppedAt = System.currentTimeMillis();
            current = (current + 1) % ports.size();
            Thread reconnect = new Thread(GatewayClient.this::connect, "reconnect-" + channel);
            reconnect.setDaemon(true);
            reconnect.start();
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }
}
