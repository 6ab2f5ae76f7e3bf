package dev.scoreline.table.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.sim.GatewayBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A bot that plays as a person does: over one WebSocket to a gateway, with a player's token. It
 * follows its table and its own seat, takes its seat with an {@code act}, and on its turn asks
 * {@link Bot} what to do with what those two views show, after a moment's thought. It knows
 * nothing the job does not tell it: the dealer, the turn's clock and every verdict are the job's.
 *
 * <p>One move at a time: after an {@code act} it waits for the verdict, and after an accepted one
 * for the state that includes it (the verdict's version), before it decides again.
 */
public final class GatewayPlayer extends GatewayBot {

    /**
     * @param seat the seat to take (the first free one when it is taken)
     * @param buyIn the chips it sits down with, and again whenever it has too few to play on
     * @param think how long it waits at least before a move; up to twice that at random
     */
    public record Settings(URI gateway, String tableId, String playerId, String token, int seat, long buyIn,
            Duration think, long seed) {}

    private final Settings settings;
    private final String tableChannel;
    private final String seatChannel;

    private JsonNode table;
    private long tableVersion;
    private JsonNode own;
    private long ownVersion;
    /** No decision before both views reach this version (the last accepted move's). */
    private long settledAt;

    private GatewayPlayer(Settings settings, ScheduledExecutorService timers, Observer observer) {
        super(settings.seed(), settings.think(), timers, observer);
        this.settings = settings;
        this.tableChannel = "table:" + settings.tableId();
        this.seatChannel = tableChannel + "/seat:" + settings.playerId();
    }

    /** Connects and subscribes; the bot plays from there until {@link #close()}. */
    public static CompletableFuture<GatewayPlayer> start(Settings settings, HttpClient http,
            ScheduledExecutorService timers, Observer observer) {
        GatewayPlayer player = new GatewayPlayer(settings, timers, observer);
        return connect(player, http, settings.gateway(), settings.token(),
                List.of(player.tableChannel, player.seatChannel));
    }

    public String playerId() {
        return settings.playerId();
    }

    @Override
    protected void seen(JsonNode m) {
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
            default -> { }
        }
    }

    @Override
    protected void answered(JsonNode verdict) {
        if (verdict.path("accepted").asBoolean()) {
            settledAt = verdict.path("version").asLong();
        }
    }

    @Override
    protected void consider() {
        if (busy() || table == null) {
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
            later(() -> act(tableChannel, Json.object().put("type", "player.leave")));
            return;
        }
        if (own != null && own.has("options") && handInPlay
                && settings.playerId().equals(table.at("/hand/awaiting/playerId").asText())) {
            later(() -> {
                if (own != null && own.has("options")
                        && settings.playerId().equals(table.at("/hand/awaiting/playerId").asText())) {
                    act(tableChannel, Bot.decide(table, own, random).action());
                }
            });
        }
    }

    private void sit() {
        if (seatOf(settings.playerId()) != null) {
            return;
        }
        int seat = table.path("seats").has(Integer.toString(settings.seat())) ? freeSeat() : settings.seat();
        if (seat > 0) {
            act(tableChannel, Json.object().put("type", "player.sit").put("seat", seat).put("chips", buyIn()));
        }
    }

    /** The configured buy-in, within the table's limits. */
    private long buyIn() {
        JsonNode config = table.path("config");
        long min = config.path("minBuyIn").asLong(config.path("boot").asLong());
        long max = config.path("maxBuyIn").asLong(Long.MAX_VALUE);
        return Math.max(min, Math.min(max, settings.buyIn()));
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
}
