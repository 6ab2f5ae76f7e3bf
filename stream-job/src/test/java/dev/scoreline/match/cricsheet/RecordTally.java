package dev.scoreline.match.cricsheet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Cricsheet record itself says, counted straight from its JSON with the Laws' arithmetic and
 * nothing of the scorer's: the expectations the scorer's fold is checked against.
 */
final class RecordTally {

    private static final Set<String> NOT_WICKETS = Set.of("retired hurt", "retired not out");
    private static final Set<String> BOWLERS_WICKETS =
            Set.of("bowled", "caught", "caught and bowled", "lbw", "stumped", "hit wicket");
    static final List<String> EXTRAS = List.of("wides", "noballs", "byes", "legbyes", "penalty");

    record Card(int runs, int balls, int fours, int sixes) {}

    record Figures(int legalBalls, int runs, int wickets) {}

    static final class Innings {
        final String team;
        int runs;
        int wickets;
        int legalBalls;
        final Map<String, Integer> extras = new LinkedHashMap<>();
        final Map<String, Card> batters = new LinkedHashMap<>();
        final Map<String, Figures> bowlers = new LinkedHashMap<>();

        Innings(String team) {
            this.team = team;
            EXTRAS.forEach(kind -> extras.put(kind, 0));
        }
    }

    static List<Innings> of(JsonNode record) {
        List<Innings> all = new ArrayList<>();
        for (JsonNode inn : record.get("innings")) {
            Innings tally = new Innings(inn.get("team").asText());
            for (JsonNode over : inn.path("overs")) {
                for (JsonNode d : over.get("deliveries")) {
                    add(tally, d);
                }
            }
            for (JsonNode awarded : inn.path("penalty_runs")) {
                tally.runs += awarded.asInt();
                tally.extras.merge("penalty", awarded.asInt(), Integer::sum);
            }
            all.add(tally);
        }
        return all;
    }

    private static void add(Innings tally, JsonNode d) {
        JsonNode runs = d.get("runs");
        JsonNode extras = d.path("extras");
        boolean wide = extras.has("wides");
        boolean legal = !wide && !extras.has("noballs");
        int offBat = runs.get("batter").asInt();
        tally.runs += runs.get("total").asInt();
        tally.legalBalls += legal ? 1 : 0;
        for (String kind : EXTRAS) {
            tally.extras.merge(kind, extras.path(kind).asInt(0), Integer::sum);
        }
        boolean boundary = !runs.path("non_boundary").asBoolean(false);
        tally.batters.merge(d.get("batter").asText(),
                new Card(offBat, wide ? 0 : 1, offBat == 4 && boundary ? 1 : 0, offBat == 6 && boundary ? 1 : 0),
                (a, b) -> new Card(a.runs() + b.runs(), a.balls() + b.balls(), a.fours() + b.fours(),
                        a.sixes() + b.sixes()));
        tally.batters.putIfAbsent(d.get("non_striker").asText(), new Card(0, 0, 0, 0));
        int bowlersWickets = 0;
        for (JsonNode w : d.path("wickets")) {
            String kind = w.get("kind").asText();
            // a batter timed out never faced nor stood at the other end, and is on the card all the same
            tally.batters.putIfAbsent(w.get("player_out").asText(), new Card(0, 0, 0, 0));
            tally.wickets += NOT_WICKETS.contains(kind) ? 0 : 1;
            bowlersWickets += BOWLERS_WICKETS.contains(kind) ? 1 : 0;
        }
        int conceded = offBat + extras.path("wides").asInt(0) + extras.path("noballs").asInt(0);
        tally.bowlers.merge(d.get("bowler").asText(), new Figures(legal ? 1 : 0, conceded, bowlersWickets),
                (a, b) -> new Figures(a.legalBalls() + b.legalBalls(), a.runs() + b.runs(), a.wickets() + b.wickets()));
    }
}
