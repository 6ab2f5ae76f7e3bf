package dev.scoreline.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.InningsEnd;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-made match feed for rule tests: teams "Home" (batters H1, H2, ...) and "Away" (A1, A2,
 * ...), events appended in order with made-up ids and times.
 */
final class Feed {

    static final String MATCH = "m1";
    static final String HOME = "Home";
    static final String AWAY = "Away";

    private final List<MatchEvent> events = new ArrayList<>();
    private Instant clock = Instant.parse("2024-05-26T14:00:00Z");
    private int made;

    /** A match of {@code overs} overs a side (null: unlimited) between two sides of {@code players}. */
    static Feed match(Integer overs, int players) {
        return match(overs, players, 6);
    }

    /** The same with overs of {@code ballsPerOver} legal balls. */
    static Feed match(Integer overs, int players, int ballsPerOver) {
        Feed feed = new Feed();
        feed.add(new MatchStart(feed.id(), MATCH, feed.tick(), List.of(HOME, AWAY),
                Map.of(HOME, squad("H", players), AWAY, squad("A", players)), overs, ballsPerOver, "Ground", null));
        return feed;
    }

    static List<String> squad(String prefix, int players) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= players; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    Feed innings(String team) {
        return add(new InningsStart(id(), MATCH, tick(), team, false, null));
    }

    Feed innings(String team, int targetRuns, Integer targetOvers) {
        return add(new InningsStart(id(), MATCH, tick(), team, false, new InningsStart.Target(targetRuns, targetOvers)));
    }

    Feed superOver(String team) {
        return add(new InningsStart(id(), MATCH, tick(), team, true, null));
    }

    /** A legal ball with {@code runs} off the bat. */
    Feed ball(int over, String batter, String nonStriker, String bowler, int runs) {
        return add(delivery(over, batter, nonStriker, bowler, runs, Delivery.Extras.NONE, false, List.of()));
    }

    /** Several dot balls of one over. */
    Feed dots(int count, int over, String batter, String nonStriker, String bowler) {
        for (int i = 0; i < count; i++) {
            ball(over, batter, nonStriker, bowler, 0);
        }
        return this;
    }

    Feed extra(int over, String batter, String nonStriker, String bowler, int offBat, Delivery.Extras extras) {
        return add(delivery(over, batter, nonStriker, bowler, offBat, extras, false, List.of()));
    }

    Feed wicket(int over, String batter, String nonStriker, String bowler, String kind, String playerOut,
            String... fielders) {
        return add(delivery(over, batter, nonStriker, bowler, 0, Delivery.Extras.NONE, false,
                List.of(new Delivery.Wicket(kind, playerOut, List.of(fielders)))));
    }

    /** A player's bet, as their wallet passes it on, {@code bet} being the client's action id. */
    Feed bet(String player, String bet, String market, String outcome, long stake) {
        return add(new BetPlace("act:" + player + ":" + bet, MATCH, tick(), player, market, outcome, stake));
    }

    /** The time the next event will have. */
    Instant next() {
        return clock.plusSeconds(40);
    }

    Feed add(MatchEvent event) {
        events.add(event);
        return this;
    }

    Feed undo() {
        return add(undoEvent());
    }

    DeliveryUndo undoEvent() {
        return new DeliveryUndo(id(), MATCH, tick());
    }

    Feed endInnings() {
        return endInnings(null);
    }

    Feed endInnings(String reason) {
        return add(new InningsEnd(id(), MATCH, tick(), reason));
    }

    Feed endMatch(String outcome, String method) {
        return add(new MatchEnd(id(), MATCH, tick(), outcome, method));
    }

    Delivery delivery(int over, String batter, String nonStriker, String bowler, int offBat, Delivery.Extras x,
            boolean nonBoundary, List<Delivery.Wicket> wickets) {
        int extras = x.wides() + x.noballs() + x.byes() + x.legbyes() + x.penalty();
        return new Delivery(id(), MATCH, tick(), over, batter, bowler, nonStriker,
                new Delivery.Runs(offBat, extras, offBat + extras, nonBoundary), x, wickets);
    }

    List<MatchEvent> events() {
        return List.copyOf(events);
    }

    MatchState state() {
        return Scorer.fold(events);
    }

    JsonNode view() {
        return MatchView.of(state());
    }

    /** The innings' view, numbered from 1. */
    JsonNode innings(int number) {
        return view().get("innings").get(String.valueOf(number));
    }

    /** Folds the feed, then offers {@code next}: it must be refused, and the reason is returned. */
    String rejectionOf(MatchEvent next) {
        MatchState state = events.isEmpty() ? null : state();
        Decision<MatchState> decision = new Scorer().apply(state, next, this::events);
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<MatchState>) decision).reason();
    }

    String id() {
        return MATCH + "-" + ++made;
    }

    Instant tick() {
        clock = clock.plusSeconds(40);
        return clock;
    }
}
