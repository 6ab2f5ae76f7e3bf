package dev.scoreline.bench.fanout;

import dev.scoreline.gateway.ws.WebSocketEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The socket limit: the least a WebSocket fan-out server can do. It upgrades connections, reads a
 * subscribe message per connection, and writes each pre-encoded frame it is handed to every
 * subscriber of the frame's channel: the frames a pass of its I/O loop has for a socket go out in
 * one gathering write, and wait for the socket only when its buffer is full. No state, no
 * versions, no limits, no metrics. I/O threads as
 * many as the gateway's (one per core), connections spread over them.
 */
public final class LimitServer implements AutoCloseable {

    private static final Pattern CHANNEL = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

    private final ServerSocketChannel server;
    private final IoThread[] threads;
    private final byte[] snapshotFrame;
    private volatile boolean running = true;
    private int next;

    public LimitServer(int port, int ioThreads) throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 4096);
        server.configureBlocking(false);
        snapshotFrame = WsFrames.serverFrame(WsFrames.TEXT,
                "{\"type\":\"snapshot\",\"channel\":\"-\",\"epoch\":\"e1\",\"version\":1,\"state\":{}}"
                        .getBytes(StandardCharsets.UTF_8));
        threads = new IoThread[ioThreads];
        for (int i = 0; i < ioThreads; i++) {
            threads[i] = new IoThread(i);
        }
        server.register(threads[0].selector, SelectionKey.OP_ACCEPT);
        for (IoThread t : threads) {
            t.start();
        }
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    /** Hands a batch of (channel, encoded frame) pairs to every I/O thread. */
    public void publish(List<Map.Entry<String, byte[]>> frames) {
        for (IoThread t : threads) {
            t.inbox.addAll(frames);
            t.selector.wakeup();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        for (IoThread t : threads) {
            t.selector.wakeup();
        }
        server.close();
    }

    private final class IoThread extends Thread {
        final Selector selector = Selector.open();
        final ConcurrentLinkedQueue<Map.Entry<String, byte[]>> inbox = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<SocketChannel> accepted = new ConcurrentLinkedQueue<>();
        final Map<String, List<Conn>> subscribers = new HashMap<>();
        final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        final List<Conn> dirty = new ArrayList<>();
        boolean broken;

        IoThread(int i) throws IOException {
            super("limit-io-" + i);
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (running) {
                    selector.select();
                    for (SelectionKey key : selector.selectedKeys()) {
                        try {
                            if (!key.isValid()) {
                                continue;
                            }
                            if (key.isAcceptable()) {
                                accept();
                            } else {
                                Conn c = (Conn) key.attachment();
                                if (key.isReadable()) {
                                    c.read();
                                }
                                if (key.isValid() && key.isWritable()) {
                                    c.flush();
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            Object a = key.attachment();
                            if (a instanceof Conn c) {
                                c.close();
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                    SocketChannel ch;
                    while ((ch = accepted.poll()) != null) {
                        ch.configureBlocking(false);
                        Conn c = new Conn(this, ch);
                        c.key = ch.register(selector, SelectionKey.OP_READ, c);
                    }
                    Map.Entry<String, byte[]> frame;
                    while ((frame = inbox.poll()) != null) {
                        List<Conn> conns = subscribers.get(frame.getKey());
                        if (conns != null) {
                            for (Conn c : conns) {
                                c.queue(frame.getValue());
                            }
                        }
                    }
                    for (Conn c : dirty) {
                        c.writeQueued();
                    }
                    dirty.clear();
                    if (broken) {
                        // connections whose write failed leave the lists only now: not while iterating them
                        for (List<Conn> conns : subscribers.values()) {
                            conns.removeIf(c -> c.broken);
                        }
                        broken = false;
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private void accept() throws IOException {
            SocketChannel ch;
            while ((ch = server.accept()) != null) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                IoThread t = threads[next++ % threads.length];
                t.accepted.add(ch);
                if (t != this) {
                    t.selector.wakeup();
                }
            }
        }
    }

    private final class Conn {
        final IoThread thread;
        final SocketChannel ch;
        SelectionKey key;
        boolean upgraded;
        boolean broken;
        boolean dirtyMarked;
        boolean waitingForWritable;
        byte[] carry;
        final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(0);

        Conn(IoThread thread, SocketChannel ch) {
            this.thread = thread;
            this.ch = ch;
        }

        void read() throws IOException {
            ByteBuffer b = thread.buffer;
            b.clear();
            if (carry != null) {
                b.put(carry);
                carry = null;
            }
            if (ch.read(b) < 0) {
                close();
                return;
            }
            b.flip();
            if (!upgraded) {
                String text = StandardCharsets.ISO_8859_1.decode(b.duplicate()).toString();
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    keep(b);
                    return;
                }
                Matcher m = KEY.matcher(text.substring(0, end));
                if (!m.find()) {
                    throw new IOException("not a WebSocket upgrade");
                }
                writeNow(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + WebSocketEndpoint.accept(m.group(1)) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                upgraded = true;
                b.position(b.position() + end + 4);
            }
            int at = b.position();
            while (true) {
                WsFrames.Header h = WsFrames.header(b, at, b.limit());
                if (h == null || at + h.frameLength() > b.limit()) {
                    break;
                }
                if (h.opcode() == WsFrames.CLOSE) {
                    close();
                    return;
                }
                if (h.opcode() == WsFrames.TEXT) {
                    Matcher m = CHANNEL.matcher(new String(WsFrames.unmask(b, at, h), StandardCharsets.UTF_8));
                    if (m.find()) {
                        thread.subscribers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(this);
                        send(snapshotFrame);
                    }
                }
                at += (int) h.frameLength();
            }
            b.position(at);
            keep(b);
        }

        private void keep(ByteBuffer b) {
            if (b.hasRemaining()) {
                carry = new byte[b.remaining()];
                b.get(carry);
            }
        }

        private void writeNow(byte[] bytes) throws IOException {
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                ch.write(out);
            }
        }

        /** Queues a frame; what a pass of the I/O loop queued goes out in one gathering write. */
        void queue(byte[] frame) {
            if (broken || !ch.isOpen()) {
                return;
            }
            pending.add(ByteBuffer.wrap(frame));
            if (!waitingForWritable && !dirtyMarked) {
                dirtyMarked = true;
                thread.dirty.add(this);
            }
        }

        /** A reply of the server's own (the snapshot on subscribe), written at once. */
        void send(byte[] frame) {
            queue(frame);
            writeQueued();
        }

        void writeQueued() {
            dirtyMarked = false;
            if (broken || waitingForWritable || pending.isEmpty()) {
                return;
            }
            try {
                flush();
            } catch (IOException e) {
                broken = true;
                thread.broken = true;
                pending.clear();
                key.cancel();
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // it is broken already
                }
            }
        }

        void flush() throws IOException {
            ch.write(pending.toArray(new ByteBuffer[0]));
            while (!pending.isEmpty() && !pending.peekFirst().hasRemaining()) {
                pending.pollFirst();
            }
            boolean full = !pending.isEmpty();
            if (full != waitingForWritable) {
                waitingForWritable = full;
                key.interestOps(full ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }
        }

        void close() {
            for (List<Conn> conns : thread.subscribers.values()) {
                conns.remove(this);
            }
            pending.clear();
            if (key != null) {
                key.cancel();
            }
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
