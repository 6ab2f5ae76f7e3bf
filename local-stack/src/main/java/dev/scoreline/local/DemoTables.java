package dev.scoreline.local;

import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.gateway.auth.Tokens;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.table.sim.GatewayPlayer;
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
 * The demo's Teen Patti tables as a game runs them: the demo opens them (the table service's one
 * job) and, as the game's backend, credits every bot's wallet once, by producing to
 * {@code wallet-events} itself; bots take seats (their buy-ins come out of their wallets) and play
 * over WebSocket through the gateway, as people do, and the job deals. Every table keeps seats
 * free for visitors of the page, whose wallets the gateway's dev tokens credit.
 */
final class DemoTables implements AutoCloseable {

    /** Three of the six seats: the page's visitors can take the others. */
    static final int BOTS_PER_TABLE = 3;
    static final TableConfig CONFIG = new TableConfig(6, 10, 640, 3, 1_000, 20, 100L, 10_000L, true);
    /** What the backend gives each bot once: two hundred buy-ins. */
    static final long BOT_CHIPS = 100_000;
    private static final long BUY_IN = 500;
    private static final Duration THINK = Duration.ofMillis(700);

    private final int tables;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-bots");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger moves = new AtomicInteger();
    private final List<GatewayPlayer> bots = new ArrayList<>();

    DemoTables(int tables) {
        this.tables = tables;
    }

    static String tableId(int n) {
        return "demo-" + n;
    }

    /**
     * Opens the tables, as the table service would, and credits the bots' wallets, as the game's
     * backend would; tables that are open already and wallets credited already stay as they are
     * (the ids are the same every time).
     */
    void open(Producer<String, String> producer, String tableTopic, String walletTopic) {
        Instant now = Instant.now();
        for (int n = 1; n <= tables; n++) {
            String id = tableId(n);
            producer.send(new ProducerRecord<>(tableTopic, id, Json.string(new TableOpen(id + ":open", id, now, CONFIG))));
            for (int seat = 1; seat <= BOTS_PER_TABLE; seat++) {
                String player = playerId(id, seat);
                producer.send(new ProducerRecord<>(walletTopic, player,
                        Json.string(new Credit("credit:demo-bot", player, now, BOT_CHIPS, "bonus"))));
            }
        }
        producer.flush();
    }

    static String playerId(String tableId, int seat) {
        return tableId + "-p" + seat;
    }

    /** Seats the bots at the gateway on {@code port}, or seats them again there after it was replaced. */
    synchronized void play(int port) {
        stopBots();
        URI gateway = URI.create("ws://127.0.0.1:" + port + "/ws");
        for (int n = 1; n <= tables; n++) {
            String table = tableId(n);
            for (int seat = 1; seat <= BOTS_PER_TABLE; seat++) {
                String player = playerId(table, seat);
                GatewayPlayer.Settings settings = new GatewayPlayer.Settings(gateway, table, player,
                        Tokens.issue(GatewayConfig.DEV_SECRET, table, player, null), seat, BUY_IN, THINK,
                        31L * n + seat);
                bots.add(GatewayPlayer.start(settings, http, timers, (verdict, sentNanos) -> moves.incrementAndGet())
                        .join());
            }
        }
    }

    /** The bots' moves answered so far. */
    int moves() {
        return moves.get();
    }

    private void stopBots() {
        bots.forEach(GatewayPlayer::close);
        bots.clear();
    }

    @Override
    public synchronized void close() {
        stopBots();
        timers.shutdownNow();
        try {
            timers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
