package dev.scoreline.cluster;

import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client of one match channel, as a browser would be: it subscribes at one gateway,
 * folds what arrives into a {@link ChannelView}, and when its connection drops it reconnects to
 * the next gateway in its list with {@code since} = the version it holds.
 */
final class GatewayClient implements AutoCloseable {

    private final List<Integer> ports;
    private final String channel;
    final ChannelView view;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile int current;
    private volatile boolean closed;
    private volatile WsClient socket;
    private volatile long droppedAt = -1;
    private volatile long reconnectedAt = -1;

    GatewayClient(List<Integer> ports, int first, String channel) {
        this.ports = ports;
        this.current = first;
        this.channel = channel;
        this.view = new ChannelView(channel);
        connect();
    }

    private void connect() {
        int port = ports.get(current);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!closed) {
            try {
                WsClient ws = WsClient.open(port, "", Map.of(), c -> view).get(5, TimeUnit.SECONDS);
                socket = ws;
                if (view.epoch() == null) {
                    ws.subscribe(channel);
                } else {
                    ws.subscribe(channel, view.epoch(), view.version());
                }
                ws.closed().thenRun(this::dropped);
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

    private void dropped() {
        if (closed) {
            return;
        }
        droppedAt = System.currentTimeMillis();
        current = (current + 1) % ports.size();
        Thread reconnect = new Thread(this::connect, "reconnect-" + channel);
        reconnect.setDaemon(true);
        reconnect.start();
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
