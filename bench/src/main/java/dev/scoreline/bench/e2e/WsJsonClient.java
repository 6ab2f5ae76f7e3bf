package dev.scoreline.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.bench.fanout.WsFrames;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One WebSocket connection with a reader thread of its own, subscribed to a few channels, handing
 * every server message (parsed) and the moment it was read to a listener. For low rates only.
 */
final class WsJsonClient implements AutoCloseable {

    private final SocketChannel ch;
    private final Thread reader;
    private volatile boolean running = true;

    WsJsonClient(int port, List<String> channels, BiConsumer<JsonNode, Long> listener) throws IOException {
        ch = WsFrames.upgrade(port);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        for (String channel : channels) {
            write(WsFrames.clientFrame(WsFrames.TEXT,
                    ("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}").getBytes(StandardCharsets.UTF_8),
                    new byte[] {1, 2, 3, 4}));
        }
        reader = new Thread(() -> {
            try {
                while (running) {
                    if (ch.read(buffer) < 0) {
                        return;
                    }
                    long now = System.nanoTime();
                    buffer.flip();
                    int at = 0;
                    while (true) {
                        WsFrames.Header h = WsFrames.header(buffer, at, buffer.limit());
                        if (h == null || at + h.frameLength() > buffer.limit()) {
                            break;
                        }
                        if (h.opcode() == WsFrames.TEXT) {
                            byte[] payload = WsFrames.unmask(buffer, at, h);
                            listener.accept(Json.tree(payload), now);
                        } else if (h.opcode() == WsFrames.PING) {
                            write(WsFrames.clientFrame(WsFrames.PONG, WsFrames.unmask(buffer, at, h), new byte[4]));
                        }
                        at += (int) h.frameLength();
                    }
                    buffer.position(at);
                    buffer.compact();
                }
            } catch (IOException e) {
                if (running) {
                    System.err.println("e2e client: " + e);
                }
            }
        }, "e2e-client");
        reader.setDaemon(true);
        reader.start();
    }

    private synchronized void write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        ch.close();
    }
}
