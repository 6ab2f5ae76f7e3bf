package dev.scoreline.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the views clients see out of a table's state. The public view holds a card only for a seat
 * whose hand was shown to the whole table (a show or a forced show); a player's own view adds their
 * cards once they have seen them and the cards they were shown in a side show. Lists that grow
 * (the action log) are objects keyed by position from 1, seats and players are keyed by seat
 * number, so that a merge patch carries only what changed. No member is ever null.
 */
final class TableViews {

    private TableViews() {}

    static Map<Channel, JsonNode> of(TableState state) {
        return of(state, null, Map.of());
    }

    /**
     * The views of {@code state}, taking from {@code previousViews} (those of {@code previous}) the
     * parts that cannot have changed: the table's configuration and the actions already logged in
     * the same hand. Shared, they cost the diff nothing and need no conversion to JSON again.
     */
    static Map<Channel, JsonNode> of(TableState state, TableState previous, Map<Channel, JsonNode> previousViews) {
        Map<Channel, JsonNode> views = new LinkedHashMap<>();
        JsonNode previousPublic = previous == null ? null : previousViews.get(Channel.table(state.tableId()));
        views.put(Channel.table(state.tableId()), publicView(state, previousPublic == null ? null : previous,
                previousPublic));
        for (Seat seat : state.seats()) {
            views.put(Channel.seat(state.tableId(), seat.playerId()), seatView(state, seat));
        }
        return views;
    }

    static ObjectNode publicView(TableState state) {
        return publicView(state, null, null);
    }

    private static ObjectNode publicView(TableState state, TableState previous, JsonNode previousView) {
        ObjectNode view = Json.object();
        view.put("tableId", state.tableId());
        view.put("status", state.closed() ? "closed" : state.handInPlay() ? "playing" : "waiting");
        view.set("config", previous != null && previous.config().equals(state.config()) && previousView.has("config")
                ? previousView.get("config")
                : Json.tree(state.config()));
        view.put("hands", state.hands());
        ObjectNode seats = view.putObject("seats");
        for (Seat s : state.seats()) {
            seats.putObject(Integer.toString(s.seat())).put("playerId", s.playerId()).put("chips", s.chips());
        }
        if (state.hand() != null) {
            Hand before = previous == null ? null : previous.hand();
            boolean sameHand = before != null && before.number() == state.hand().number()
                    && previousView.path("hand").has("actions");
            view.set("hand", publicHand(state, sameHand ? before.log() : List.of(),
                    sameHand ? previousView.path("hand").path("actions") : null));
        }
        return view;
    }

    /**
     * @param loggedBefore the action log of the same hand one event earlier, whose entries' views
     *     {@code actionsBefore} holds (by position from 1)
     */
    private static ObjectNode publicHand(TableState state, List<HandAction> loggedBefore, JsonNode actionsBefore) {
        Hand hand = state.hand();
        ObjectNode view = Json.object();
        view.put("number", hand.number());
        view.put("dealer", hand.dealer());
        view.put("pot", hand.pot());
        view.put("stake", hand.stake());
        if (!hand.over()) {
            HandPlayer awaited = hand.player(hand.awaitedSeat()).orElseThrow();
            view.put("turn", hand.turn());
            view.put("turnNumber", hand.turnNumber());
            view.putObject("awaiting")
                    .put("seat", awaited.seat())
                    .put("playerId", awaited.playerId())
                    .put("deadline", state.turnDeadline().toString());
        }
        if (hand.sideShow() != null) {
            SideShow pending = hand.sideShow();
            view.putObject("sideShow").put("asker", pending.asker()).put("answerer", pending.answerer());
        }
        ObjectNode players = view.putObject("players");
        for (HandPlayer p : hand.players()) {
            ObjectNode player = players.putObject(Integer.toString(p.seat()));
            player.put("playerId", p.playerId());
            player.put("status", p.packed() ? "packed" : p.seen() ? "seen" : "blind");
            player.put("paid", p.paid());
            player.put("blindTurns", p.blindTurns());
            if (hand.over() && hand.result().shown().contains(p.seat())) {
                putCards(player, p);
            }
        }
        ObjectNode actions = view.putObject("actions");
        for (int k = 0; k < hand.log().size(); k++) {
            String position = Integer.toString(k + 1);
            HandAction action = hand.log().get(k);
            JsonNode made = k < loggedBefore.size() && loggedBefore.get(k).equals(action) ? actionsBefore.get(position) : null;
            actions.set(position, made != null ? made : Json.tree(action));
        }
        if (!hand.log().isEmpty()) {
            view.set("lastAction", actions.get(Integer.toString(hand.log().size())));
        }
        if (hand.over()) {
            ObjectNode result = view.putObject("result");
            result.put("how", hand.result().how().label());
            ObjectNode winners = result.putObject("winners");
            for (Winner w : hand.result().winners()) {
                winners.putObject(Integer.toString(w.seat())).put("playerId", w.playerId()).put("amount", w.amount());
            }
        }
        return view;
    }

    static ObjectNode seatView(TableState state, Seat seat) {
        ObjectNode view = Json.object();
        view.put("tableId", state.tableId());
        view.put("playerId", seat.playerId());
        view.put("seat", seat.seat());
        view.put("chips", seat.chips());
        Hand hand = state.hand();
        HandPlayer me = hand == null ? null : hand.player(seat.seat())
                .filter(p -> p.playerId().equals(seat.playerId()))
                .orElse(null);
        if (me == null) {
            return view;
        }
        view.put("hand", hand.number());
        if (me.seen()) {
            putCards(view, me);
        }
        if (!me.sawSeats().isEmpty()) {
            ObjectNode shown = view.putObject("sideShows");
            for (int other : me.sawSeats()) {
                HandPlayer p = hand.player(other).orElseThrow();
                putCards(shown.putObject(Integer.toString(other)).put("playerId", p.playerId()), p);
            }
        }
        if (state.handInPlay() && me.inPlay()) {
            ObjectNode options = options(state, me, seat);
            if (!options.isEmpty()) {
                view.set("options", options);
            }
        }
        return view;
    }

    /**
     * What the player may do now, so that a client (or a bot) need not know the betting rules: each
     * member present is a move the rules would accept.
     */
    private static ObjectNode options(TableState state, HandPlayer me, Seat seat) {
        Hand hand = state.hand();
        TablePlay play = new TablePlay(state);
        ObjectNode options = Json.object();
        if (!me.seen()) {
            options.put("see", true);
        }
        if (hand.awaitedSeat() != me.seat()) {
            return options;
        }
        options.put("pack", true);
        if (hand.sideShow() != null) {
            HandPlayer asker = hand.player(hand.sideShow().asker()).orElseThrow();
            options.putObject("answerSideShow").put("asker", asker.seat()).put("playerId", asker.playerId());
            return options;
        }
        if (play.mustSee(me)) {
            return options;
        }
        Stakes.Range range = Stakes.bet(state.config(), hand.stake(), me.seen());
        if (seat.chips() >= range.min()) {
            options.putObject("bet").put("min", range.min()).put("max", Math.min(range.max(), seat.chips()));
        }
        int left = play.inPlay().size();
        long showCost = Stakes.show(state.config(), hand.stake(), me.seen());
        if (left == 2 && seat.chips() >= showCost) {
            options.putObject("show").put("cost", showCost);
        }
        long sideShowCost = Stakes.sideShow(state.config(), hand.stake());
        if (me.seen() && left >= 3 && seat.chips() >= sideShowCost) {
            HandPlayer previous = hand.player(play.previousInPlayBefore(me.seat())).orElseThrow();
            if (previous.seen()) {
                options.putObject("sideShow").put("cost", sideShowCost).put("with", previous.playerId());
            }
        }
        return options;
    }

    private static void putCards(ObjectNode target, HandPlayer p) {
        ArrayNode cards = target.putArray("cards");
        p.cards().forEach(c -> cards.add(c.code()));
        target.put("rank", p.rank().category().label());
    }
}
