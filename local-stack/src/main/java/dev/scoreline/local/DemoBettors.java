package dev.scoreline.local;

import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.market.sim.GatewayBettor;
import dev.scoreline.wallet.event.Credit;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo's bettors: a few for each replayed match, credited once by the demo as the game's
 * backend, betting through the gateway on the markets as people do.
 */
final class DemoBettors implements AutoCloseable {

    static final int PER_MATCH = 3;
    static final long CHIPS = 100_000;

    private final List<String> matches;
    private final Duration think;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-bettors");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger verdicts = new AtomicInteger();
    private final List<GatewayBettor> bettors = new ArrayList<>();

    /** @param think how long a bettor waits at least before a bet */
    DemoBettors(List<String> matches, Duration think) {
        this.matches = List.copyOf(matches);
        this.think = think;
    }

    static String playerId(String matchId, int n) {
        return "bettor-" + matchId + "-" + n;
    }

    /** Credits every bettor's wallet, once (the same credit id every time). */
    void credit(Producer<String, String> producer, String walletTopic) {
        Instant now = Instant.now();
        for (String match : matches) {
            for (int n = 1; n <= PER_MATCH; n++) {
                String player = playerId(match, n);
                producer.send(new ProducerRecord<>(walletTopic, player,
                        Json.string(new Credit("credit:demo-bettor", player, now, CHIPS, "bonus"))));
            }
        }
        producer.flush();
    }

    /** Starts the bettors at the gateway on {@code port}, or again there after it was replaced. */
    synchronized void bet(int port) {
        stop();
        URI gateway = URI.create("ws://127.0.0.1:" + port + "/ws");
        int seed = 0;
        for (String match : matches) {
            for (int n = 1; n <= PER_MATCH; n++) {
                String player = playerId(match, n);
                GatewayBettor.Settings settings = new GatewayBettor.Settings(gateway, match, player,
                        Tokens.issuePlayer(GatewayConfig.DEV_SECRET, player, null), 10, 100, think, 1, 97L * ++seed);
                bettors.add(GatewayBettor.start(settings, http, timers,
                        (verdict, sentNanos) -> verdicts.incrementAndGet()).join());
            }
        }
    }

    /** The bets answered so far. */
    int verdicts() {
        return verdicts.get();
    }

    private void stop() {
        bettors.forEach(GatewayBettor::close);
        bettors.clear();
    }

    @Override
    public synchronized void close() {
        stop();
        timers.shutdownNow();
        try {
            timers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
