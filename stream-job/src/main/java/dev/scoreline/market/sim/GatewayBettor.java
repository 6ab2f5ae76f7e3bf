package dev.scoreline.market.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.sim.BotSocket;
import dev.scoreline.table.sim.GatewayPlayer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A bettor that bets as a person does: over one WebSocket to a gateway, with a player's token, it
 * follows a match's markets ({@code match:<id>/markets}) and, after a moment's thought, backs an
 * outcome of a market that is open (the next ball most often, the coming over, now and then the
 * winner), one bet at a time, each answered by the job's verdict. It knows only what the channel
 * shows: a bet the ball overtook is refused, as anyone's is.
 */
public final class GatewayBettor implements AutoCloseable {

    /**
     * @param think how long it waits at least before a bet; up to twice that at random
     * @param betsPerMarket how many bets it places on one market at most (a person, one; a
     *     benchmark's load, many)
     */
    public record Settings(URI gateway, String matchId, String playerId, String token, long minStake, long maxStake,
            Duration think, int betsPerMarket, long seed) {}

    private static final Duration UNANSWERED = Duration.ofSeconds(10);

    private final Settings settings;
    private final ScheduledExecutorService timers;
    private final GatewayPlayer.Observer observer;
    private final SplittableRandom random;
    private final String runId;
    private final String matchChannel;
    private final String marketsChannel;
    private final Map<String, Integer> betsOn = new HashMap<>();
    private BotSocket socket;
    private JsonNode markets;
    private long version;
    private int bets;
    private String inFlight;
    private long inFlightSentNanos;
    private boolean thinking;
    private volatile boolean closed;

    private GatewayBettor(Settings settings, ScheduledExecutorService timers, GatewayPlayer.Observer observer) {
        this.settings = settings;
        this.timers = timers;
        this.observer = observer;
        this.random = new SplittableRandom(settings.seed());
        this.runId = Long.toString(random.nextLong() >>> 1, 36);
        this.matchChannel = "match:" + settings.matchId();
        this.marketsChannel = matchChannel + "/markets";
    }

    /** Connects and follows the markets; the bettor bets from there until {@link #close()}. */
    public static CompletableFuture<GatewayBettor> start(Settings settings, HttpClient http,
            ScheduledExecutorService timers, GatewayPlayer.Observer observer) {
        GatewayBettor bettor = new GatewayBettor(settings, timers, observer);
        return BotSocket.open(http, settings.gateway(), settings.token(), bettor::received)
                .thenApply(socket -> {
                    synchronized (bettor) {
                        bettor.socket = socket;
                        socket.send(Map.of("type", "subscribe", "channel", bettor.marketsChannel));
                    }
                    return bettor;
                });
    }

    public String playerId() {
        return settings.playerId();
    }

    /** The bets it has placed so far. */
    public synchronized int bets() {
        return bets;
    }

    private synchronized void received(JsonNode m) {
        switch (m.path("type").asText()) {
            case "snapshot" -> {
                if (m.path("channel").asText().equals(marketsChannel)) {
                    markets = m.get("state");
                    version = m.path("version").asLong();
                }
            }
            case "delta" -> {
                if (m.path("channel").asText().equals(marketsChannel) && markets != null
                        && m.path("to").asLong() > version) {
                    markets = MergePatch.apply(markets, m.get("patch"));
                    version = m.path("to").asLong();
                }
            }
            case "verdict", "error" -> {
                if (m.path("id").asText().equals(inFlight)) {
                    if (m.path("type").asText().equals("verdict")) {
                        observer.verdict(m, inFlightSentNanos);
                    }
                    inFlight = null;
                }
            }
            default -> { }
        }
        consider();
    }

    private void consider() {
        if (closed || inFlight != null || thinking || markets == null || choices().isEmpty()) {
            return;
        }
        thinking = true;
        long base = settings.think().toMillis();
        long delay = base == 0 ? 0 : base + random.nextLong(base + 1);
        timers.schedule(() -> {
            synchronized (this) {
                thinking = false;
                if (!closed && inFlight == null) {
                    bet();
                }
                consider();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** The open markets it has not bet on its fill of. */
    private List<String> choices() {
        List<String> open = new ArrayList<>();
        markets.path("markets").fields().forEachRemaining(e -> {
            if ("open".equals(e.getValue().path("status").asText())
                    && betsOn.getOrDefault(e.getKey(), 0) < settings.betsPerMarket()) {
                open.add(e.getKey());
            }
        });
        return open;
    }

    private void bet() {
        List<String> open = choices();
        if (open.isEmpty()) {
            return;
        }
        String market = pick(open);
        List<String> outcomes = new ArrayList<>();
        markets.path("markets").path(market).path("stakes").fieldNames().forEachRemaining(outcomes::add);
        if (outcomes.isEmpty()) {
            return;
        }
        String outcome = outcomes.get(random.nextInt(outcomes.size()));
        long stake = settings.minStake() + random.nextLong(settings.maxStake() - settings.minStake() + 1);
        betsOn.merge(market, 1, Integer::sum);
        ObjectNode action = Json.object().put("type", "bet.place").put("market", market).put("outcome", outcome)
                .put("stake", stake);
        String id = runId + "-" + (++bets);
        inFlight = id;
        inFlightSentNanos = System.nanoTime();
        socket.send(Map.of("type", "act", "id", id, "channel", matchChannel, "action", action));
        timers.schedule(() -> {
            synchronized (this) {
                if (id.equals(inFlight)) {
                    inFlight = null;
                    consider();
                }
            }
        }, UNANSWERED.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next ball seven times in ten, the coming over twice, the winner once, among those open. */
    private String pick(List<String> open) {
        int roll = random.nextInt(10);
        String prefix = roll < 7 ? "ball:" : roll < 9 ? "over:" : "winner";
        for (String market : open) {
            if (market.startsWith(prefix)) {
                return market;
            }
        }
        return open.get(random.nextInt(open.size()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (socket != null) {
            socket.close("bettor done");
        }
    }
}
