package dev.scoreline.bench.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.table.sim.Bot;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One player at one table, as {@code GatewayPlayer} plays it (the same views, the same
 * {@link Bot#decide}, one move at a time, each after the state that includes the last), but on a
 * shared connection and without a think timer of its own: when it has something to do it queues
 * at the {@link Pacer}, whose slots set the offered rate, and the wait for a slot is its thinking.
 */
final class SeatBot {

    /** What {@link #next} gives when it is this player's turn: the move is decided only in its slot. */
    private static final ObjectNode TURN = Json.object();

    private final PlayConnection connection;
    private final String table;
    private final String player;
    private final int seat;
    private final long buyIn;
    private final Pacer pacer;
    private final MoveLatencies latencies;
    private final PlayCounters counters;
    private final SplittableRandom random;
    private final String tableChannel;
    private final String seatChannel;

    private JsonNode tableView;
    private long tableVersion;
    private JsonNode own;
    private long ownVersion;
    private int moves;
    private String inFlight;
    private long inFlightSentNanos;
    /** No decision before both views reach this version (the last accepted move's). */
    private long settledAt;
    private boolean queued;
    private long queuedNanos;

    SeatBot(PlayConnection connection, String table, String player, int seat, long buyIn, Pacer pacer,
            MoveLatencies latencies, PlayCounters counters, long seed) {
        this.connection = connection;
        this.table = table;
        this.player = player;
        this.seat = seat;
        this.buyIn = buyIn;
        this.pacer = pacer;
        this.latencies = latencies;
        this.counters = counters;
        this.random = new SplittableRandom(seed);
        this.tableChannel = "table:" + table;
        this.seatChannel = tableChannel + "/seat:" + player;
    }

    String table() {
        return table;
    }

    synchronized boolean hasTable() {
        return tableView != null;
    }

    synchronized boolean seated() {
        return tableView != null && seatOf() != null;
    }

    void subscribe(String token) {
        connection.send(Json.string(Map.of("type", "subscribe", "channel", tableChannel, "token", token)));
        connection.send(Json.string(Map.of("type", "subscribe", "channel", seatChannel, "token", token)));
    }

    /** A message of this bot's table or seat channel, read at {@code now}. */
    synchronized void received(JsonNode m, boolean seatChannel, long now) {
        switch (m.path("type").asText()) {
            case "snapshot" -> {
                long version = m.path("version").asLong();
                if (seatChannel) {
                    own = m.get("state");
                    ownVersion = version;
                } else {
                    tableView = m.get("state");
                    tableVersion = version;
                    latencies.seen(table, player, version, now);
                }
            }
            case "delta" -> {
                long to = m.path("to").asLong();
                if (seatChannel && own != null && to > ownVersion) {
                    own = MergePatch.apply(own, m.get("patch"));
                    ownVersion = to;
                } else if (!seatChannel && tableView != null && to > tableVersion) {
                    tableView = MergePatch.apply(tableView, m.get("patch"));
                    tableVersion = to;
                    latencies.seen(table, player, to, now);
                }
            }
            case "verdict" -> {
                if (m.path("id").asText().equals(inFlight)) {
                    inFlight = null;
                    boolean accepted = m.path("accepted").asBoolean();
                    counters.verdict(accepted, now);
                    latencies.verdict(table, player, accepted ? m.path("version").asLong() : -1,
                            inFlightSentNanos, now);
                    if (accepted) {
                        settledAt = m.path("version").asLong();
                    }
                }
            }
            case "error" -> {
                counters.error(m.path("code").asText());
                if (m.path("id").asText().equals(inFlight)) {
                    inFlight = null;
                }
            }
            default -> { }
        }
        consider();
    }

    /** Queues for a slot when there is something to do now; what exactly is decided in the slot. */
    private void consider() {
        if (!queued && inFlight == null && next() != null) {
            queued = true;
            queuedNanos = System.nanoTime();
            pacer.ready(this);
        }
    }

    /** In a slot of the pacer: sends the move due now, if one still is; true if it sent one. */
    synchronized boolean move() {
        queued = false;
        if (inFlight != null) {
            return false;
        }
        ObjectNode action = next();
        if (action == null) {
            return false;
        }
        if (action == TURN) {
            action = Bot.decide(tableView, own, random).action();
        }
        long now = System.nanoTime();
        counters.waited(now - queuedNanos, now);
        String id = player + "-" + (++moves);
        inFlight = id;
        inFlightSentNanos = now;
        counters.sent(now);
        connection.send(Json.string(Map.of("type", "act", "id", id, "channel", tableChannel, "action", action)));
        return true;
    }

    /** The move this player would make now, {@code GatewayPlayer}'s rules; {@link #TURN} on its turn. */
    private ObjectNode next() {
        if (tableView == null || Math.min(tableVersion, own == null ? tableVersion : ownVersion) < settledAt) {
            return null;
        }
        JsonNode mySeat = seatOf();
        String status = tableView.path("status").asText();
        if (mySeat == null) {
            int free = "closed".equals(status) ? 0 : seatToTake();
            return free == 0 ? null
                    : Json.object().put("type", "player.sit").put("seat", free).put("chips", buyIn());
        }
        boolean handInPlay = "playing".equals(status);
        if (!handInPlay && mySeat.path("chips").asLong() < tableView.at("/config/boot").asLong()) {
            return Json.object().put("type", "player.leave");
        }
        if (own != null && own.has("options") && handInPlay
                && player.equals(tableView.at("/hand/awaiting/playerId").asText())) {
            return TURN;
        }
        return null;
    }

    private JsonNode seatOf() {
        for (JsonNode s : tableView.path("seats")) {
            if (player.equals(s.path("playerId").asText())) {
                return s;
            }
        }
        return null;
    }

    /** Its own seat when free, else the first free one, else 0. */
    private int seatToTake() {
        JsonNode seats = tableView.path("seats");
        if (!seats.has(Integer.toString(seat))) {
            return seat;
        }
        int count = tableView.at("/config/seats").asInt();
        for (int s = 1; s <= count; s++) {
            if (!seats.has(Integer.toString(s))) {
                return s;
            }
        }
        return 0;
    }

    private long buyIn() {
        JsonNode config = tableView.path("config");
        long min = config.path("minBuyIn").asLong(config.path("boot").asLong());
        long max = config.path("maxBuyIn").asLong(Long.MAX_VALUE);
        return Math.max(min, Math.min(max, buyIn));
    }
}
