package dev.scoreline.gateway.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Subscribers on the JDK's WebSocket client, two threads between them. */
final class JdkSubscribers implements Subscribers {

    private final List<WebSocket> sockets = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final ExecutorService executor;
    private final HttpClient http;

    private JdkSubscribers(ExecutorService executor, HttpClient http) {
        this.executor = executor;
        this.http = http;
    }

    static JdkSubscribers connect(int port, int n, String channel) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        JdkSubscribers c = new JdkSubscribers(executor, HttpClient.newBuilder().executor(executor).build());
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        CountDownLatch snapshots = new CountDownLatch(n);
        for (int batch = 0; batch < n; batch += 50) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = batch; i < Math.min(n, batch + 50); i++) {
                Listener l = new Listener(snapshots);
                c.listeners.add(l);
                opening.add(c.http.newWebSocketBuilder().buildAsync(uri, l));
            }
            for (CompletableFuture<WebSocket> f : opening) {
                WebSocket ws = f.get(30, TimeUnit.SECONDS);
                ws.sendText("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}", true).join();
                c.sockets.add(ws);
            }
        }
        if (!snapshots.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every subscriber got its snapshot");
        }
        return c;
    }

    @Override
    public int size() {
        return sockets.size();
    }

    @Override
    public void reset(int expectedEach) {
        for (Listener l : listeners) {
            l.reset(expectedEach);
        }
    }

    @Override
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Listener l : listeners) {
            if (!l.done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long lastReceivedNanos() {
        return listeners.stream().mapToLong(l -> l.last.get()).max().orElse(0);
    }

    @Override
    public long[] latencies() {
        return listeners.stream().flatMapToLong(l -> Arrays.stream(l.latencies, 0, l.count)).toArray();
    }

    @Override
    public void close() {
        for (WebSocket ws : sockets) {
            ws.abort();
        }
        executor.shutdownNow();
    }

    private static final class Listener implements WebSocket.Listener {
        private final CountDownLatch snapshot;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicLong last = new AtomicLong();
        private volatile long[] latencies = new long[0];
        private volatile int count;
        private volatile CountDownLatch done = new CountDownLatch(0);

        Listener(CountDownLatch snapshot) {
            this.snapshot = snapshot;
        }

        void reset(int expected) {
            latencies = new long[expected];
            count = 0;
            done = new CountDownLatch(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean lastPart) {
            long now = System.nanoTime();
            partial.append(data);
            if (lastPart) {
                long sentAt = Subscribers.sentAt(partial);
                partial.setLength(0);
                if (sentAt < 0) {
                    snapshot.countDown();
                } else if (count < latencies.length) {
                    latencies[count] = now - sentAt;
                    count++;
                    last.set(now);
                    if (count == latencies.length) {
                        done.countDown();
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }
}
