package dev.scoreline.market;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public {@code match:<id>/markets} channel: each market's status and pools, never a player's
 * bet. It shows the markets open now, every market holding undecided bets, and the latest decided
 * ball and over, so a client sees what the last ball paid; {@code held} and {@code house} are the
 * chips the match holds and the house's take, which the books count.
 */
public final class MarketsView {

    public static final String OPEN = "open";
    public static final String SUSPENDED = "suspended";
    public static final String WAITING = "waiting";
    public static final String SETTLED = "settled";
    public static final String VOID = "void";

    private MarketsView() {}

    public static ObjectNode of(Markets markets, Play play) {
        ObjectNode view = Json.object();
        view.put("held", markets.held());
        view.put("house", markets.house());
        Map<String, Market> shown = new LinkedHashMap<>();
        for (MarketId id : markets.openNow(play)) {
            shown.put(id.name(), markets.live().getOrDefault(id.name(), Market.opening(id.name())));
        }
        shown.putAll(markets.live());
        latestSettled(markets, MarketId.Kind.BALL, shown);
        latestSettled(markets, MarketId.Kind.OVER, shown);
        Market winner = markets.settled().get(MarketId.WINNER);
        if (winner != null) {
            shown.put(MarketId.WINNER, winner);
        }
        ObjectNode all = view.putObject("markets");
        shown.values().stream().sorted((a, b) -> order(a.id()).compareTo(order(b.id())))
                .forEach(m -> all.set(m.id(), market(m, markets, play)));
        return view;
    }

    private static void latestSettled(Markets markets, MarketId.Kind kind, Map<String, Market> shown) {
        Market latest = null;
        int latestKey = -1;
        for (Market m : markets.settled().values()) {
            MarketId id = MarketId.parse(m.id());
            int key = id.innings() * 100_000 + id.number();
            if (id.kind() == kind && key > latestKey) {
                latest = m;
                latestKey = key;
            }
        }
        if (latest != null) {
            shown.put(latest.id(), latest);
        }
    }

    /** Balls, then overs, then the winner, each in play order. */
    private static String order(String name) {
        MarketId id = MarketId.parse(name);
        return id.kind().ordinal() + String.format("%02d%05d", id.innings(), id.number());
    }

    private static ObjectNode market(Market m, Markets markets, Play play) {
        MarketId id = MarketId.parse(m.id());
        ObjectNode node = Json.object();
        node.put("kind", id.kind().name().toLowerCase(java.util.Locale.ROOT));
        String label = switch (id.kind()) {
            case BALL -> markets.ballLabel(id, play);
            case OVER -> "over " + (id.number() + 1);
            case WINNER -> "match winner";
        };
        if (label != null) {
            node.put("label", label);
        }
        Market.Settlement s = m.settled();
        String status;
        if (s != null) {
            status = s.outcome() == null ? VOID : SETTLED;
        } else {
            status = switch (markets.status(id, play).phase()) {
                case OPEN -> OPEN;
                case NOT_YET -> WAITING;
                default -> SUSPENDED;
            };
        }
        node.put("status", status);
        node.put("pool", m.pool());
        node.put("bets", m.bets().size());
        ObjectNode stakes = node.putObject("stakes");
        for (String outcome : Markets.outcomes(id, play)) {
            stakes.put(outcome, m.stakes().getOrDefault(outcome, 0L));
        }
        if (s != null) {
            node.put("round", s.round());
            if (s.outcome() != null) {
                node.put("outcome", s.outcome());
            } else {
                node.put("why", s.voidWhy());
            }
        }
        return node;
    }
}
