package dev.scoreline.bench.play;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.bench.fanout.WsFrames;
import dev.scoreline.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One bot connection: a WebSocket to the gateway on which one player plays a seat at several
 * tables (a subscribe carries each table's token, so one connection holds them all). Read by a
 * {@link Readers} thread shared with other connections, so a few hundred connections cost two
 * threads, not hundreds, on a machine whose two cores also run Kafka, the job and the gateway.
 */
final class PlayConnection {

    private final SocketChannel ch;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 20);
    /** The bots of this connection by table id. */
    private final Map<String, SeatBot> bots = new HashMap<>();
    private final byte[] mask = new byte[4];

    PlayConnection(int port) throws IOException {
        ch = WsFrames.upgrade(port);
        ch.socket().setTcpNoDelay(true);
        ThreadLocalRandom.current().nextBytes(mask);
        ch.configureBlocking(false);
    }

    void add(SeatBot bot) {
        bots.put(bot.table(), bot);
    }

    Iterable<SeatBot> bots() {
        return bots.values();
    }

    /** Sends one text frame; the pacer and the readers both send, so one at a time. */
    synchronized void send(String text) {
        try {
            write(ByteBuffer.wrap(WsFrames.clientFrame(WsFrames.TEXT, text.getBytes(StandardCharsets.UTF_8), mask)));
        } catch (IOException e) {
            throw new IllegalStateException("bot connection failed", e);
        }
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.write(b) == 0) {
                // A full socket buffer: frames are small and the gateway reads steadily, so wait briefly.
                Thread.onSpinWait();
            }
        }
    }

    /** Reads what arrived and hands each message to its table's bot; false once the socket closed. */
    private boolean readable() throws IOException {
        int n = ch.read(in);
        if (n < 0) {
            return false;
        }
        long now = System.nanoTime();
        in.flip();
        int at = 0;
        while (true) {
            WsFrames.Header h = WsFrames.header(in, at, in.limit());
            if (h == null || at + h.frameLength() > in.limit()) {
                break;
            }
            if (h.opcode() == WsFrames.TEXT) {
                dispatch(Json.tree(WsFrames.unmask(in, at, h)), now);
            } else if (h.opcode() == WsFrames.PING) {
                byte[] payload = WsFrames.unmask(in, at, h);
                synchronized (this) {
                    write(ByteBuffer.wrap(WsFrames.clientFrame(WsFrames.PONG, payload, mask)));
                }
            }
            at += (int) h.frameLength();
        }
        in.position(at);
        in.compact();
        return true;
    }

    private void dispatch(JsonNode m, long now) {
        String channel = m.path("channel").asText();
        int slash = channel.indexOf('/');
        String table = channel.substring(channel.indexOf(':') + 1, slash < 0 ? channel.length() : slash);
        SeatBot bot = bots.get(table);
        if (bot != null) {
            bot.received(m, slash >= 0, now);
        }
    }

    void close() {
        try {
            ch.close();
        } catch (IOException e) {
            // closing at the end of the run: nothing left to read
        }
    }

    /** Threads that read many connections each, one selector per thread. */
    static final class Readers implements AutoCloseable {

        private final Thread[] threads;
        private final Selector[] selectors;
        private volatile boolean running = true;

        /** Registers every connection, then starts reading them. */
        Readers(int count, Iterable<PlayConnection> connections) throws IOException {
            threads = new Thread[count];
            selectors = new Selector[count];
            for (int i = 0; i < count; i++) {
                selectors[i] = Selector.open();
            }
            int i = 0;
            for (PlayConnection c : connections) {
                c.ch.register(selectors[i++ % count], SelectionKey.OP_READ, c);
            }
            for (int t = 0; t < count; t++) {
                Selector s = selectors[t];
                threads[t] = new Thread(() -> loop(s), "play-reader-" + t);
                threads[t].setDaemon(true);
                threads[t].start();
            }
        }

        private void loop(Selector selector) {
            try {
                while (running) {
                    selector.select(200);
                    for (SelectionKey key : selector.selectedKeys()) {
                        PlayConnection c = (PlayConnection) key.attachment();
                        if (key.isValid() && !c.readable()) {
                            key.cancel();
                            if (running) {
                                System.err.println("play: the gateway closed a bot connection");
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("play: a reader failed: " + e);
                    e.printStackTrace();
                }
            }
        }

        @Override
        public void close() throws IOException {
            running = false;
            for (int i = 0; i < threads.length; i++) {
                selectors[i].wakeup();
                try {
                    threads[i].join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                selectors[i].close();
            }
        }
    }
}
