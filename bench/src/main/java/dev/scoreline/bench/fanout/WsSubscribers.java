package dev.scoreline.bench.fanout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WebSocket subscribers on plain NIO: one thread and one selector for all of them, one read buffer
 * shared by every connection (a connection keeps only the few bytes of a frame cut by a read), a
 * minimal RFC 6455 client per socket. Connects and upgrades many sockets at once, each bound to
 * a source address of 127.0.0.0/8 so that one address's ephemeral ports are no limit.
 */
final class WsSubscribers implements AutoCloseable {

    private static final int MAX_OPENING = 256;

    private enum State { CONNECTING, UPGRADING, OPEN, CLOSED }

    private final Selector selector = Selector.open();
    private final ByteBuffer buffer = ByteBuffer.allocate(512 * 1024);
    private final List<Conn> conns = new ArrayList<>();
    private final ArrayDeque<Conn> waiting = new ArrayDeque<>();
    private final Recorder recorder;
    private final InetSocketAddress server;
    private final AtomicInteger ready = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String firstFailure;
    private volatile boolean running = true;
    private int opening;
    private final Thread loop;

    WsSubscribers(InetSocketAddress server, Recorder recorder) throws IOException {
        this.server = server;
        this.recorder = recorder;
        this.loop = new Thread(this::run, "ws-subscribers");
    }

    /** Queues {@code n} subscribers, bound to {@code sources} in turn, on {@code channelOf(i)}. */
    void open(int n, List<InetAddress> sources, java.util.function.IntFunction<String> channelOf) {
        for (int i = 0; i < n; i++) {
            waiting.add(new Conn(sources.get(i % sources.size()), channelOf.apply(i)));
        }
        loop.start();
    }

    int ready() {
        return ready.get();
    }

    int closed() {
        return closed.get();
    }

    int failed() {
        return failed.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    private void run() {
        try {
            while (running) {
                startMore();
                selector.select(50);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            c.connected(key);
                        } else if (key.isReadable()) {
                            c.read(key);
                        }
                    } catch (IOException | RuntimeException e) {
                        c.fail(key, e);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                firstFailure = "selector: " + e;
            }
        }
    }

    private void startMore() {
        while (opening < MAX_OPENING && !waiting.isEmpty()) {
            Conn c = waiting.poll();
            try {
                SocketChannel ch = SocketChannel.open();
                c.ch = ch;
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.bind(new InetSocketAddress(c.source, 0));
                conns.add(c);
                opening++;
                if (ch.connect(server)) {
                    c.upgrade(ch.register(selector, SelectionKey.OP_READ, c));
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                failed.incrementAndGet();
                if (firstFailure == null) {
                    firstFailure = "connect from " + c.source + ": " + e;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Conn c : conns) {
            try {
                if (c.ch != null) {
                    c.ch.close();
                }
            } catch (IOException e) {
                // closing everything anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private final class Conn {
        final InetAddress source;
        final String channel;
        SocketChannel ch;
        State state = State.CONNECTING;
        byte[] carry;
        boolean snapshotSeen;
        final StringBuilder head = new StringBuilder();

        Conn(InetAddress source, String channel) {
            this.source = source;
            this.channel = channel;
        }

        void connected(SelectionKey key) throws IOException {
            ch.finishConnect();
            key.interestOps(SelectionKey.OP_READ);
            upgrade(key);
        }

        void upgrade(SelectionKey key) throws IOException {
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET /ws HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            writeFully(request.getBytes(StandardCharsets.US_ASCII));
            state = State.UPGRADING;
        }

        void read(SelectionKey key) throws IOException {
            buffer.clear();
            if (carry != null) {
                buffer.put(carry);
                carry = null;
            }
            int n = ch.read(buffer);
            long now = System.nanoTime();
            if (n < 0) {
                end(key);
                return;
            }
            buffer.flip();
            if (state == State.UPGRADING && !readHead(key)) {
                keepRest();
                return;
            }
            parseFrames(key, now);
        }

        /** @return true once the upgrade's response is complete (the buffer then holds what follows it) */
        private boolean readHead(SelectionKey key) throws IOException {
            while (buffer.hasRemaining()) {
                head.append((char) buffer.get());
                int len = head.length();
                if (len >= 4 && head.charAt(len - 1) == '\n' && head.charAt(len - 2) == '\r'
                        && head.charAt(len - 3) == '\n' && head.charAt(len - 4) == '\r') {
                    if (!head.toString().startsWith("HTTP/1.1 101")) {
                        throw new IOException("upgrade refused: " + head.toString().lines().findFirst().orElse(""));
                    }
                    head.setLength(0);
                    head.trimToSize();
                    state = State.OPEN;
                    opening--;
                    byte[] subscribe = ("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    writeFully(WsFrames.clientFrame(WsFrames.TEXT, subscribe, mask()));
                    return true;
                }
            }
            return false;
        }

        private void parseFrames(SelectionKey key, long now) throws IOException {
            int at = buffer.position();
            int limit = buffer.limit();
            while (true) {
                WsFrames.Header h = WsFrames.header(buffer, at, limit);
                if (h == null || at + h.frameLength() > limit) {
                    break;
                }
                int start = h.payloadStart(at);
                int len = (int) h.payloadLength();
                switch (h.opcode()) {
                    case WsFrames.TEXT -> text(start, len, now);
                    case WsFrames.PING -> {
                        byte[] payload = WsFrames.unmask(buffer, at, h);
                        writeFully(WsFrames.clientFrame(WsFrames.PONG, payload, mask()));
                    }
                    case WsFrames.CLOSE -> {
                        end(key);
                        return;
                    }
                    default -> { }
                }
                at += (int) h.frameLength();
            }
            buffer.position(at);
            keepRest();
        }

        private void text(int start, int len, long now) {
            if (Payload.isDelta(buffer, start, len)) {
                long sentAt = Payload.sentAt(buffer, start, len);
                if (sentAt > 0) {
                    recorder.delta(sentAt, now);
                    return;
                }
            }
            if (!snapshotSeen) {
                snapshotSeen = true;
                ready.incrementAndGet();
            } else {
                recorder.other(now);
            }
        }

        private void keepRest() {
            if (buffer.hasRemaining()) {
                carry = new byte[buffer.remaining()];
                buffer.get(carry);
            }
        }

        private void writeFully(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int spins = 0;
            while (b.hasRemaining()) {
                if (ch.write(b) == 0 && ++spins > 1000) {
                    throw new IOException("the server does not read");
                }
            }
        }

        private byte[] mask() {
            byte[] m = new byte[4];
            ThreadLocalRandom.current().nextBytes(m);
            return m;
        }

        void fail(SelectionKey key, Exception e) {
            failed.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = e.toString();
            }
            if (state == State.CONNECTING || state == State.UPGRADING) {
                opening--;
            }
            state = State.CLOSED;
            key.cancel();
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failed
            }
        }

        void end(SelectionKey key) throws IOException {
            if (state == State.OPEN) {
                closed.incrementAndGet();
            } else if (state != State.CLOSED) {
                opening--;
                failed.incrementAndGet();
            }
            state = State.CLOSED;
            key.cancel();
            ch.close();
        }
    }
}
