package dev.scoreline.table.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.sim.BotSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bot that plays as a person does: over one WebSocket to a gateway, with a player's token. It
 * follows its table and its own seat, takes its seat with an {@code act}, and on its turn asks
 * {@link Bot} what to do with what those two views show, after a moment's thought. It knows
 * nothing the job does not tell it: the dealer, the turn's clock and every verdict are the job's.
 *
 * <p>One move at a time: after an {@code act} it waits for the verdict, and after an accepted one
 * for the state that includes it (the verdict's version), before it decides again.
 */
public final class GatewayPlayer implements AutoCloseable {

    /**
     * @param seat the seat to take (the first free one when it is taken)
     * @param buyIn the chips it sits down with, and again whenever it has too few to play on
     * @param think how long it waits at least before a move; up to twice that at random
     */
    public record Settings(URI gateway, String tableId, String playerId, String token, int seat, long buyIn,
            Duration think, long seed) {}

    /** What a bot's moves give, for a benchmark to measure; called on the socket's thread. */
    public interface Observer {
        /** @param sentNanos when the {@code act} was sent ({@link System#nanoTime()}) */
        void verdict(JsonNode verdict, long sentNanos);

        Observer NONE = (verdict, sentNanos) -> { };
    }

    /** How long a move may go without an answer before the bot decides again. */
    private static final Duration UNANSWERED = Duration.ofSeconds(10);

    private final Settings settings;
    private final ScheduledExecutorService timers;
    private final Observer observer;
    private final SplittableRandom random;
    private final String runId;
    private final String tableChannel;
    private final String seatChannel;
    private BotSocket socket;

    private JsonNode table;
    private long tableVersion;
    private JsonNode own;
    private long ownVersion;

    private int moves;
    private String inFlight;
    private long inFlightSentNanos;
    /** No decision before both views reach this version (the last accepted move's). */
    private long settledAt;
    private boolean thinking;
    private volatile boolean closed;

    private GatewayPlayer(Settings settings, ScheduledExecutorService timers, Observer observer) {
        this.settings = settings;
        this.timers = timers;
        this.observer = observer;
        this.random = new SplittableRandom(settings.seed());
        this.runId = Long.toString(random.nextLong() >>> 1, 36);
        this.tableChannel = "table:" + settings.tableId();
        this.seatChannel = tableChannel + "/seat:" + settings.playerId();
    }

    /** Connects and subscribes; the bot plays from there until {@link #close()}. */
    public static CompletableFuture<GatewayPlayer> start(Settings settings, HttpClient http,
            ScheduledExecutorService timers, Observer observer) {
        GatewayPlayer player = new GatewayPlayer(settings, timers, observer);
        return BotSocket.open(http, settings.gateway(), settings.token(), player::received)
                .thenApply(socket -> {
                    synchronized (player) {
                        player.socket = socket;
                        socket.send(Map.of("type", "subscribe", "channel", player.tableChannel));
                        socket.send(Map.of("type", "subscribe", "channel", player.seatChannel));
                    }
                    return player;
                });
    }

    public String playerId() {
        return settings.playerId();
    }

    private synchronized void received(JsonNode m) {
        String channel = m.path("channel").asText();
        switch (m.path("type").asText()) {
            case "snapshot" -> {
                if (channel.equals(tableChannel)) {
                    table = m.get("state");
                    tableVersion = m.path("version").asLong();
                } else if (channel.equals(seatChannel)) {
                    own = m.get("state");
                    ownVersion = m.path("version").asLong();
                }
            }
            case "delta" -> {
                long to = m.path("to").asLong();
                if (channel.equals(tableChannel) && table != null && to > tableVersion) {
                    table = MergePatch.apply(table, m.get("patch"));
                    tableVersion = to;
                } else if (channel.equals(seatChannel) && own != null && to > ownVersion) {
                    own = MergePatch.apply(own, m.get("patch"));
                    ownVersion = to;
                }
            }
            case "verdict" -> {
                if (m.path("id").asText().equals(inFlight)) {
                    observer.verdict(m, inFlightSentNanos);
                    inFlight = null;
                    if (m.path("accepted").asBoolean()) {
                        settledAt = m.path("version").asLong();
                    }
                }
            }
            case "error" -> {
                if (m.path("id").asText().equals(inFlight)) {
                    inFlight = null;
                }
            }
            default -> { }
        }
        consider();
    }

    /** Decides whether there is something to do now, and schedules it. */
    private void consider() {
        if (closed || inFlight != null || thinking || table == null) {
            return;
        }
        // every accepted move changes the public table, not always the seat's own view
        if (tableVersion < settledAt) {
            return;
        }
        JsonNode mySeat = seatOf(settings.playerId());
        boolean handInPlay = "playing".equals(table.path("status").asText());
        if (mySeat == null) {
            if (!"closed".equals(table.path("status").asText()) && freeSeat() > 0) {
                later(this::sit);
            }
            return;
        }
        long boot = table.at("/config/boot").asLong();
        if (!handInPlay && mySeat.path("chips").asLong() < boot) {
            later(() -> act(Json.object().put("type", "player.leave")));
            return;
        }
        if (own != null && own.has("options") && handInPlay
                && settings.playerId().equals(table.at("/hand/awaiting/playerId").asText())) {
            later(() -> {
                if (own != null && own.has("options")
                        && settings.playerId().equals(table.at("/hand/awaiting/playerId").asText())) {
                    act(Bot.decide(table, own, random).action());
                }
            });
        }
    }

    private void later(Runnable move) {
        thinking = true;
        long base = settings.think().toMillis();
        long delay = base == 0 ? 0 : base + random.nextLong(base + 1);
        timers.schedule(() -> {
            synchronized (this) {
                thinking = false;
                if (!closed && inFlight == null) {
                    move.run();
                }
                consider();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void sit() {
        if (seatOf(settings.playerId()) != null) {
            return;
        }
        int seat = table.path("seats").has(Integer.toString(settings.seat())) ? freeSeat() : settings.seat();
        if (seat > 0) {
            act(Json.object().put("type", "player.sit").put("seat", seat).put("chips", buyIn()));
        }
    }

    /** The configured buy-in, within the table's limits. */
    private long buyIn() {
        JsonNode config = table.path("config");
        long min = config.path("minBuyIn").asLong(config.path("boot").asLong());
        long max = config.path("maxBuyIn").asLong(Long.MAX_VALUE);
        return Math.max(min, Math.min(max, settings.buyIn()));
    }

    private void act(ObjectNode action) {
        String id = runId + "-" + (++moves);
        inFlight = id;
        inFlightSentNanos = System.nanoTime();
        socket.send(Map.of("type", "act", "id", id, "channel", tableChannel, "action", action));
        timers.schedule(() -> {
            synchronized (this) {
                // no answer at all (a gateway that went away): think again rather than wait for ever
                if (id.equals(inFlight)) {
                    inFlight = null;
                    consider();
                }
            }
        }, UNANSWERED.toMillis(), TimeUnit.MILLISECONDS);
    }

    private JsonNode seatOf(String player) {
        for (JsonNode seat : table.path("seats")) {
            if (player.equals(seat.path("playerId").asText())) {
                return seat;
            }
        }
        return null;
    }

    private int freeSeat() {
        int seats = table.at("/config/seats").asInt();
        for (int s = 1; s <= seats; s++) {
            if (!table.path("seats").has(Integer.toString(s))) {
                return s;
            }
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (socket != null) {
            socket.close("bot done");
        }
    }
}
