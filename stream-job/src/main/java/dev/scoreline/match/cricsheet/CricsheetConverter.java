package dev.scoreline.match.cricsheet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.InningsEnd;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.match.event.PenaltyRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Cricsheet JSON record (https://cricsheet.org/format/json/, data versions 1.0.0 and 1.1.0)
 * into the events a live feed would have sent, in play order: match.start, then per innings an
 * innings.start, one delivery per ball and an innings.end, then match.end.
 *
 * <p>What a live feed knows is passed on: teams, players, conditions, toss, each ball, penalty runs
 * awarded outside a ball (penalty.runs, before the innings' first ball or after its last), the
 * targets the record gives, and at the end the officials' decision as the record states it
 * (winner, margin, method; no result, draw, tie and its tie-break winner). The scorer computes what
 * the balls decide and checks it against that decision. An innings the record gives no overs for
 * was forfeited. The last innings of a match that ended without a result, in a draw or by a
 * method gets no innings.end: play stopped, and the match.end closes it.
 *
 * <p>Event ids are deterministic: {@code <matchId>:start}, {@code <matchId>:<innings>:start},
 * {@code <matchId>:<innings>:<over>.<ball>} for the {@code ball}-th legal ball of the over (innings
 * from 1, overs from 0 as the record numbers them), {@code <matchId>:<innings>:<over>.<ball>x<k>}
 * for the {@code k}-th wide or no-ball bowled before that legal ball, {@code <matchId>:<innings>:end}
 * and {@code <matchId>:end}.
 *
 * <p>Event times are synthesized from the match's first date: the match starts at 14:00 UTC, the
 * first innings half an hour later, balls come {@value #BALL_SECONDS} s apart with
 * {@value #OVER_BREAK_SECONDS} s more between overs, an innings break lasts 20 minutes (10 before a
 * super over), and the match ends 5 minutes after its last innings.
 */
public final class CricsheetConverter {

    static final int BALL_SECONDS = 40;
    static final int OVER_BREAK_SECONDS = 60;
    private static final int START_HOUR_UTC = 14;
    private static final Duration TOSS_TO_FIRST_INNINGS = Duration.ofMinutes(30);
    private static final Duration INNINGS_BREAK = Duration.ofMinutes(20);
    private static final Duration SUPER_OVER_BREAK = Duration.ofMinutes(10);
    private static final Duration TO_MATCH_END = Duration.ofMinutes(5);
    private static final Set<String> EXTRAS = Set.of("wides", "noballs", "byes", "legbyes", "penalty");
    private static final Set<String> STOPPED = Set.of(MatchEnd.NO_RESULT, MatchEnd.DRAW);

    private final String record;
    private final String matchId;
    private final List<MatchEvent> events = new ArrayList<>();
    private Instant clock;

    private CricsheetConverter(String record, String matchId) {
        this.record = record;
        this.matchId = matchId;
    }

    /** Converts a record file; the match id is the file name without {@code .json}. */
    public static List<MatchEvent> convert(Path file) {
        String name = file.getFileName().toString();
        String matchId = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return convert(name, json, matchId);
    }

    /** Converts a record given as JSON text. */
    public static List<MatchEvent> convert(String json, String matchId) {
        return convert(matchId, json, matchId);
    }

    /** Converts a record already parsed. */
    public static List<MatchEvent> convert(JsonNode record, String matchId) {
        return new CricsheetConverter("match " + matchId, matchId).events(record);
    }

    private static List<MatchEvent> convert(String source, String json, String matchId) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CricsheetFormatException(source, "not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        }
        return new CricsheetConverter(source, matchId).events(tree);
    }

    private List<MatchEvent> events(JsonNode root) {
        if (!Channel.isIdentifier(matchId)) {
            throw new CricsheetFormatException(record, "", "the match id '" + matchId
                    + "' must be 1 to 128 of the characters A-Z a-z 0-9 . _ ~ @ + -");
        }
        if (root == null || !root.isObject()) {
            throw new CricsheetFormatException(record, "", "a Cricsheet record is a JSON object");
        }
        String version = text(root.path("meta"), "data_version", "meta");
        if (!version.startsWith("1.")) {
            throw new CricsheetFormatException(record, "meta.data_version",
                    "data version " + version + " is not one this converter reads (1.0.0, 1.1.0)");
        }
        JsonNode info = object(root, "info", "");
        matchStart(info);
        JsonNode innings = array(root, "innings", "");
        JsonNode outcome = info.path("outcome");
        boolean playStopped = STOPPED.contains(outcome.path("result").asText()) || outcome.has("method");
        for (int i = 0; i < innings.size(); i++) {
            innings(innings.get(i), i + 1, "innings[" + i + "]", !(playStopped && i == innings.size() - 1));
        }
        matchEnd(outcome);
        return List.copyOf(events);
    }

    private void matchStart(JsonNode info) {
        JsonNode teamsNode = array(info, "teams", "info");
        List<String> teams = new ArrayList<>();
        for (int i = 0; i < teamsNode.size(); i++) {
            teams.add(text(teamsNode.get(i), "info.teams[" + i + "]"));
        }
        if (teams.size() != 2) {
            throw new CricsheetFormatException(record, "info.teams", "a match has two teams, not " + teams);
        }
        JsonNode playersNode = object(info, "players", "info");
        Map<String, List<String>> players = new LinkedHashMap<>();
        for (String team : teams) {
            JsonNode list = array(playersNode, team, "info.players");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                names.add(text(list.get(i), "info.players." + team + "[" + i + "]"));
            }
            players.put(team, names);
        }
        Integer overs = info.has("overs") ? integer(info, "overs", "info") : null;
        int ballsPerOver = integer(info, "balls_per_over", "info");
        String venue = info.has("venue") ? text(info, "venue", "info") : null;
        MatchStart.Toss toss = null;
        if (info.has("toss")) {
            JsonNode t = object(info, "toss", "info");
            toss = new MatchStart.Toss(optionalText(t, "winner", "info.toss"), optionalText(t, "decision", "info.toss"));
        }
        JsonNode dates = array(info, "dates", "info");
        if (dates.isEmpty()) {
            throw new CricsheetFormatException(record, "info.dates", "the match has no date");
        }
        String date = text(dates.get(0), "info.dates[0]");
        try {
            clock = LocalDate.parse(date).atTime(START_HOUR_UTC, 0).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new CricsheetFormatException(record, "info.dates[0]", "'" + date + "' is not a YYYY-MM-DD date");
        }
        events.add(new MatchStart(matchId + ":start", matchId, clock, teams, players, overs, ballsPerOver, venue, toss));
    }

    private void innings(JsonNode inn, int number, String where, boolean ends) {
        if (!inn.isObject()) {
            throw new CricsheetFormatException(record, where, "an innings is a JSON object");
        }
        String team = text(inn, "team", where);
        boolean superOver = bool(inn, "super_over", where);
        JsonNode penalties = inn.has("penalty_runs") ? object(inn, "penalty_runs", where) : Json.object();
        InningsStart.Target target = null;
        if (inn.has("target")) {
            JsonNode t = object(inn, "target", where);
            int[] overs = t.has("overs") ? overs(t.get("overs"), where + ".target.overs") : null;
            target = new InningsStart.Target(integer(t, "runs", where + ".target"), overs == null ? null : overs[0],
                    overs == null || overs[1] == 0 ? null : overs[1]);
        }
        boolean first = events.size() == 1;
        clock = clock.plus(first ? TOSS_TO_FIRST_INNINGS : superOver ? SUPER_OVER_BREAK : INNINGS_BREAK);
        String prefix = matchId + ":" + number + ":";
        events.add(new InningsStart(prefix + "start", matchId, clock, team, superOver, target));
        if (bool(inn, "forfeited", where) || !inn.has("overs")) {
            events.add(new InningsEnd(prefix + "end", matchId, clock, "forfeited"));
            return;
        }
        penalty(penalties, "pre", prefix, where);
        JsonNode overs = array(inn, "overs", where);
        Set<Integer> seen = new HashSet<>();
        int previous = -1;
        for (int o = 0; o < overs.size(); o++) {
            String overWhere = where + ".overs[" + o + "]";
            JsonNode over = overs.get(o);
            int overNumber = integer(over, "over", overWhere);
            if (overNumber < 0 || overNumber <= previous || !seen.add(overNumber)) {
                throw new CricsheetFormatException(record, overWhere + ".over",
                        "over " + overNumber + " cannot follow over " + previous);
            }
            previous = overNumber;
            JsonNode deliveries = array(over, "deliveries", overWhere);
            int legal = 0;
            Map<Integer, Integer> illegalBefore = new HashMap<>();
            for (int b = 0; b < deliveries.size(); b++) {
                String ballWhere = overWhere + ".deliveries[" + b + "]";
                clock = clock.plusSeconds(BALL_SECONDS + (b == 0 && o > 0 ? OVER_BREAK_SECONDS : 0));
                Delivery.Extras extras = extras(deliveries.get(b), ballWhere);
                int ball = legal + 1;
                String id;
                if (extras.wides() == 0 && extras.noballs() == 0) {
                    legal++;
                    id = prefix + overNumber + "." + ball;
                } else {
                    id = prefix + overNumber + "." + ball + "x" + illegalBefore.merge(ball, 1, Integer::sum);
                }
                events.add(delivery(deliveries.get(b), id, overNumber, extras, ballWhere));
            }
        }
        penalty(penalties, "post", prefix, where);
        clock = clock.plusSeconds(BALL_SECONDS);
        if (ends) {
            events.add(new InningsEnd(prefix + "end", matchId, clock, bool(inn, "declared", where) ? "declared" : null));
        }
    }

    /** Penalty runs awarded before ({@code pre}) or after ({@code post}) the innings' balls, as one event. */
    private void penalty(JsonNode penalties, String when, String prefix, String where) {
        if (!penalties.has(when)) {
            return;
        }
        int runs = integer(penalties, when, where + ".penalty_runs");
        if (runs < 1) {
            throw new CricsheetFormatException(record, where + ".penalty_runs." + when,
                    "penalty runs are at least one, not " + runs);
        }
        events.add(new PenaltyRuns(prefix + "penalty-" + when, matchId, clock, runs));
    }

    private Delivery delivery(JsonNode d, String id, int over, Delivery.Extras extras, String where) {
        JsonNode runs = object(d, "runs", where);
        String runsWhere = where + ".runs";
        Delivery.Runs r = new Delivery.Runs(integer(runs, "batter", runsWhere), integer(runs, "extras", runsWhere),
                integer(runs, "total", runsWhere), bool(runs, "non_boundary", runsWhere));
        List<Delivery.Wicket> wickets = new ArrayList<>();
        if (d.has("wickets")) {
            JsonNode list = array(d, "wickets", where);
            for (int w = 0; w < list.size(); w++) {
                String wicketWhere = where + ".wickets[" + w + "]";
                JsonNode wicket = list.get(w);
                List<String> fielders = new ArrayList<>();
                if (wicket.has("fielders")) {
                    JsonNode fs = array(wicket, "fielders", wicketWhere);
                    for (int f = 0; f < fs.size(); f++) {
                        String name = optionalText(fs.get(f), "name", wicketWhere + ".fielders[" + f + "]");
                        if (name != null) {
                            fielders.add(name);
                        }
                    }
                }
                wickets.add(new Delivery.Wicket(text(wicket, "kind", wicketWhere),
                        text(wicket, "player_out", wicketWhere), fielders));
            }
        }
        return new Delivery(id, matchId, clock, over, text(d, "batter", where), text(d, "bowler", where),
                text(d, "non_striker", where), r, extras, wickets);
    }

    private Delivery.Extras extras(JsonNode d, String where) {
        if (!d.isObject()) {
            throw new CricsheetFormatException(record, where, "a delivery is a JSON object");
        }
        if (!d.has("extras")) {
            return Delivery.Extras.NONE;
        }
        JsonNode x = object(d, "extras", where);
        Iterator<String> kinds = x.fieldNames();
        while (kinds.hasNext()) {
            String kind = kinds.next();
            if (!EXTRAS.contains(kind)) {
                throw new CricsheetFormatException(record, where + ".extras." + kind,
                        "unknown kind of extra (known: byes, legbyes, noballs, penalty, wides)");
            }
        }
        String w = where + ".extras";
        return new Delivery.Extras(count(x, "wides", w), count(x, "noballs", w), count(x, "byes", w),
                count(x, "legbyes", w), count(x, "penalty", w));
    }

    /**
     * The officials' decision as Cricsheet records it: {@code winner} and {@code by}, or a
     * {@code result} (no result, draw, tie) with a tie's {@code eliminator} (super over) or
     * {@code bowl_out} winner, and the {@code method}.
     */
    private void matchEnd(JsonNode outcome) {
        String where = "info.outcome";
        String result = optionalText(outcome, "result", where);
        if (result != null && !Set.of(MatchEnd.NO_RESULT, MatchEnd.DRAW, MatchEnd.TIE).contains(result)) {
            throw new CricsheetFormatException(record, where + ".result",
                    "'" + result + "' is not a result this converter knows (no result, draw, tie)");
        }
        String method = optionalText(outcome, "method", where);
        String winner = optionalText(outcome, "winner", where);
        if (winner == null) {
            winner = optionalText(outcome, "eliminator", where);
        }
        if (winner == null && outcome.has("bowl_out")) {
            winner = text(outcome, "bowl_out", where);
            method = method == null ? "bowl-out" : method;
        }
        MatchEnd.Margin by = null;
        if (outcome.has("by")) {
            JsonNode margin = object(outcome, "by", where);
            by = new MatchEnd.Margin(optionalInteger(margin, "runs", where + ".by"),
                    optionalInteger(margin, "wickets", where + ".by"), optionalInteger(margin, "innings", where + ".by"));
        }
        clock = clock.plus(TO_MATCH_END);
        events.add(new MatchEnd(matchId + ":end", matchId, clock, result, method, winner, by));
    }

    private Integer optionalInteger(JsonNode parent, String field, String where) {
        return parent.has(field) ? integer(parent, field, where) : null;
    }

    private int count(JsonNode node, String field, String where) {
        return node.has(field) ? integer(node, field, where) : 0;
    }

    /** Overs written the cricket way, {@code 34.3} for 34 overs and 3 balls: {whole overs, balls}. */
    private int[] overs(JsonNode node, String where) {
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            throw new CricsheetFormatException(record, where, node + " is not a number of overs");
        }
        BigDecimal value = node.decimalValue();
        int whole = value.intValue();
        BigDecimal fraction = value.subtract(BigDecimal.valueOf(whole)).movePointRight(1);
        if (fraction.stripTrailingZeros().scale() > 0) {
            throw new CricsheetFormatException(record, where, node + " is not overs and balls (such as 34.3)");
        }
        return new int[] {whole, fraction.intValue()};
    }

    private JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new CricsheetFormatException(record, where, missingOr(node, field, "an object"));
        }
        return node;
    }

    private JsonNode array(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new CricsheetFormatException(record, where, missingOr(node, field, "an array"));
        }
        return node;
    }

    private String text(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new CricsheetFormatException(record, where, missingOr(node, field, "a non-empty string"));
        }
        return node.textValue();
    }

    private String text(JsonNode node, String where) {
        if (node == null || !node.isTextual() || node.textValue().isBlank()) {
            throw new CricsheetFormatException(record, where, node + " is not a non-empty string");
        }
        return node.textValue();
    }

    private String optionalText(JsonNode parent, String field, String where) {
        return parent.has(field) ? text(parent, field, where) : null;
    }

    private int integer(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new CricsheetFormatException(record, where, missingOr(node, field, "a whole number"));
        }
        return node.intValue();
    }

    private boolean bool(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node != null && !node.isBoolean()) {
            throw new CricsheetFormatException(record, where, field + " is " + node + ", not true or false");
        }
        return node != null && node.booleanValue();
    }

    private static String missingOr(JsonNode node, String field, String expected) {
        return node == null ? field + " is missing" : field + " is " + node + ", not " + expected;
    }
}
