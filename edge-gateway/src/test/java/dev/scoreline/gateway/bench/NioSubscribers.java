package dev.scoreline.gateway.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Subscribers on plain NIO: one thread, one selector, a minimal RFC 6455 client per socket. Far
 * cheaper per message than a general-purpose client, so that on a small machine the driver takes
 * less of the CPU the gateway needs.
 */
final class NioSubscribers implements Subscribers {

    private final List<Conn> conns = new ArrayList<>();
    private final Selector selector;
    private final Thread loop;
    private final CountDownLatch snapshots;
    private volatile boolean running = true;

    private NioSubscribers(int n) throws IOException {
        this.selector = Selector.open();
        this.snapshots = new CountDownLatch(n);
        this.loop = new Thread(this::run, "nio-subscribers");
        this.loop.setDaemon(true);
    }

    static NioSubscribers connect(int port, int n, String channel) throws Exception {
        NioSubscribers s = new NioSubscribers(n);
        byte[] subscribe = frame(0x1, ("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Conn c = new Conn(ch);
            c.handshake(port);
            ch.configureBlocking(false);
            s.conns.add(c);
            ch.register(s.selector, SelectionKey.OP_READ, c);
            write(ch, subscribe);
        }
        s.loop.start();
        if (!s.snapshots.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every subscriber got its snapshot");
        }
        return s;
    }

    private void run() {
        try {
            while (running) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    if (!c.read(System.nanoTime(), snapshots)) {
                        key.cancel();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public int size() {
        return conns.size();
    }

    @Override
    public void reset(int deltas) {
        for (Conn c : conns) {
            c.reset(deltas);
        }
    }

    @Override
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Conn c : conns) {
            if (!c.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long lastReceivedNanos() {
        return conns.stream().mapToLong(c -> c.last).max().orElse(0);
    }

    @Override
    public long[] latencies() {
        return conns.stream().flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).toArray();
    }

    @Override
    public void close() {
        running = false;
        try {
            loop.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Conn c : conns) {
            try {
                c.ch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** A client frame: final, masked. */
    static byte[] frame(int opcode, byte[] payload) {
        int n = payload.length;
        int header = n <= 125 ? 2 : 4;
        byte[] out = new byte[header + 4 + n];
        out[0] = (byte) (0x80 | opcode);
        if (n <= 125) {
            out[1] = (byte) (0x80 | n);
        } else {
            out[1] = (byte) (0x80 | 126);
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, out, header, 4);
        for (int i = 0; i < n; i++) {
            out[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return out;
    }

    static void write(SocketChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static final class Conn {
        final SocketChannel ch;
        final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
        volatile long[] latencies = new long[0];
        volatile int count;
        volatile long last;
        volatile CountDownLatch done = new CountDownLatch(0);
        boolean snapshotSeen;

        Conn(SocketChannel ch) {
            this.ch = ch;
        }

        void reset(int expected) {
            latencies = new long[expected];
            count = 0;
            done = new CountDownLatch(1);
        }

        void handshake(int port) throws IOException {
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            write(ch, request.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer one = ByteBuffer.allocate(1);
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                one.clear();
                if (ch.read(one) < 0) {
                    throw new IOException("closed during the upgrade");
                }
                head.append((char) one.get(0));
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                throw new IOException("upgrade refused: " + head);
            }
        }

        /** @return false once the connection is over */
        boolean read(long now, CountDownLatch snapshots) throws IOException {
            int n = ch.read(in);
            if (n < 0) {
                return false;
            }
            in.flip();
            while (in.remaining() >= 2) {
                int start = in.position();
                int b0 = in.get(start) & 0xff;
                int len = in.get(start + 1) & 0x7f;
                int header = 2;
                if (len == 126) {
                    if (in.remaining() < 4) {
                        break;
                    }
                    len = ((in.get(start + 2) & 0xff) << 8) | (in.get(start + 3) & 0xff);
                    header = 4;
                } else if (len == 127) {
                    if (in.remaining() < 10) {
                        break;
                    }
                    len = (int) in.getLong(start + 2);
                    header = 10;
                }
                if (in.remaining() < header + len) {
                    break;
                }
                int opcode = b0 & 0x0f;
                if (opcode == 0x1) {
                    long sentAt = sentAt(in, start + header, len);
                    if (sentAt < 0) {
                        if (!snapshotSeen) {
                            snapshotSeen = true;
                            snapshots.countDown();
                        }
                    } else if (count < latencies.length) {
                        latencies[count] = now - sentAt;
                        count++;
                        last = now;
                        if (count == latencies.length) {
                            done.countDown();
                        }
                    }
                } else if (opcode == 0x9) {
                    byte[] payload = new byte[len];
                    in.get(start + header, payload);
                    write(ch, frame(0xA, payload));
                } else if (opcode == 0x8) {
                    return false;
                }
                in.position(start + header + len);
            }
            in.compact();
            return true;
        }

        private static final byte[] MARK = "\"sentAt\":".getBytes(StandardCharsets.US_ASCII);

        private static long sentAt(ByteBuffer b, int from, int len) {
            int end = from + len - MARK.length;
            outer:
            for (int i = from; i <= end; i++) {
                for (int j = 0; j < MARK.length; j++) {
                    if (b.get(i + j) != MARK[j]) {
                        continue outer;
                    }
                }
                long v = 0;
                for (int k = i + MARK.length; k < from + len; k++) {
                    byte c = b.get(k);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    v = v * 10 + (c - '0');
                }
                return v;
            }
            return -1;
        }
    }
}
