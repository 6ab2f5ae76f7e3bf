package dev.scoreline.market.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.sim.GatewayBot;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A bettor that bets as a person does: through a gateway, with a player's token, it follows a
 * match's markets ({@code match:<id>/markets}) and, after a moment's thought, backs an outcome of a
 * market that is open (the next ball most often, the coming over, now and then the winner), one
 * bet at a time, each answered by the job's verdict. It knows only what the channel shows: a bet
 * the ball overtook is refused, as anyone's is.
 */
public final class GatewayBettor extends GatewayBot {

    /**
     * @param think how long it waits at least before a bet; up to twice that at random
     * @param betsPerMarket how many bets it places on one market at most (a person, one; a
     *     benchmark's load, many)
     */
    public record Settings(URI gateway, String matchId, String playerId, String token, long minStake, long maxStake,
            Duration think, int betsPerMarket, long seed) {}

    private final Settings settings;
    private final String matchChannel;
    private final String marketsChannel;
    private final Map<String, Integer> betsOn = new HashMap<>();
    private JsonNode markets;
    private long version;

    private GatewayBettor(Settings settings, ScheduledExecutorService timers, Observer observer) {
        super(settings.seed(), settings.think(), timers, observer);
        this.settings = settings;
        this.matchChannel = "match:" + settings.matchId();
        this.marketsChannel = matchChannel + "/markets";
    }

    /** Connects and follows the markets; the bettor bets from there until {@link #close()}. */
    public static CompletableFuture<GatewayBettor> start(Settings settings, HttpClient http,
            ScheduledExecutorService timers, Observer observer) {
        GatewayBettor bettor = new GatewayBettor(settings, timers, observer);
        return connect(bettor, http, settings.gateway(), settings.token(), List.of(bettor.marketsChannel));
    }

    public String playerId() {
        return settings.playerId();
    }

    @Override
    protected void seen(JsonNode m) {
        if (!m.path("channel").asText().equals(marketsChannel)) {
            return;
        }
        if (m.path("type").asText().equals("snapshot")) {
            markets = m.get("state");
            version = m.path("version").asLong();
        } else if (m.path("type").asText().equals("delta") && markets != null && m.path("to").asLong() > version) {
            markets = MergePatch.apply(markets, m.get("patch"));
            version = m.path("to").asLong();
        }
    }

    @Override
    protected void consider() {
        if (!busy() && markets != null && !choices().isEmpty()) {
            later(this::bet);
        }
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
        act(matchChannel, action);
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
}
