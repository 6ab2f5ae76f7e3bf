package dev.scoreline.match.cricsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded match, converted to what a live feed sends and folded by the scorer, scores what
 * the record says: each innings, each batter, each bowler and the result. The expectations come
 * from the record's own JSON ({@link RecordTally}, {@code info.outcome}), never from the scorer.
 */
class CricsheetRecordsTest {

    static List<Path> records() {
        return CricsheetRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void onlyTheMatchEndCarriesTheOfficialsDecisionAsTheRecordStatesIt(Path record) {
        List<MatchEvent> events = CricsheetConverter.convert(record);
        for (MatchEvent event : events.subList(0, events.size() - 1)) {
            assertThat(fieldNames(Json.tree(event)))
                    .as("%s", event.eventId())
                    .doesNotContain("winner", "by", "eliminator", "margin", "result", "outcome", "method", "bowl_out");
        }
        assertThat(announced((MatchEnd) last(events))).isEqualTo(recordsOutcome(record));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void eachInningsHasTheRecordsRunsWicketsLegalBallsAndExtras(Path record) {
        JsonNode view = view(record);
        List<RecordTally.Innings> expected = RecordTally.of(CricsheetRecords.tree(record));

        assertThat(view.get("innings").size()).isEqualTo(expected.size());
        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            RecordTally.Innings tally = expected.get(i);
            JsonNode inn = view.get("innings").get(String.valueOf(i + 1));
            soft.assertThat(inn.get("team").asText()).as("innings %d team", i + 1).isEqualTo(tally.team);
            soft.assertThat(inn.get("runs").asInt()).as("innings %d runs", i + 1).isEqualTo(tally.runs);
            soft.assertThat(inn.get("wickets").asInt()).as("innings %d wickets", i + 1).isEqualTo(tally.wickets);
            soft.assertThat(inn.get("legalBalls").asInt()).as("innings %d legal balls", i + 1)
                    .isEqualTo(tally.legalBalls);
            for (String kind : RecordTally.EXTRAS) {
                soft.assertThat(inn.get("extras").get(kind).asInt()).as("innings %d %s", i + 1, kind)
                        .isEqualTo(tally.extras.get(kind));
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyBatterHasTheRecordsRunsAndBallsFaced(Path record) {
        JsonNode view = view(record);
        List<RecordTally.Innings> expected = RecordTally.of(CricsheetRecords.tree(record));

        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            Map<String, RecordTally.Card> cards = new HashMap<>();
            for (JsonNode b : view.get("innings").get(String.valueOf(i + 1)).get("batters")) {
                cards.put(b.get("name").asText(), new RecordTally.Card(b.get("runs").asInt(), b.get("balls").asInt(),
                        b.get("fours").asInt(), b.get("sixes").asInt()));
            }
            soft.assertThat(cards).as("innings %d batters", i + 1).isEqualTo(expected.get(i).batters);
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyBowlerHasTheRecordsLegalBallsRunsAndWickets(Path record) {
        JsonNode view = view(record);
        List<RecordTally.Innings> expected = RecordTally.of(CricsheetRecords.tree(record));

        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            Map<String, RecordTally.Figures> figures = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> bowlers =
                    view.get("innings").get(String.valueOf(i + 1)).get("bowlers").fields();
            bowlers.forEachRemaining(e -> figures.put(e.getKey(), new RecordTally.Figures(
                    e.getValue().get("legalBalls").asInt(), e.getValue().get("runs").asInt(),
                    e.getValue().get("wickets").asInt())));
            soft.assertThat(figures).as("innings %d bowlers", i + 1).isEqualTo(expected.get(i).bowlers);
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theResultIsTheRecordsOutcome(Path record) {
        JsonNode view = view(record);

        assertThat(view.get("status").asText()).isEqualTo("completed");
        assertThat(view.get("result")).isEqualTo(recordsOutcome(record));
    }

    /**
     * Where the officials name no method, the balls decide: the same match ended by a match.end that
     * announces nothing but a "no result" (the winner, margin, tie-break winner, tie and draw
     * stripped) scores the record's outcome all the same. "No result" stays: that play ended
     * without one is the officials' word, which no ball can say.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theBallsDecideWhatTheRecordDecidesWithoutAMethod(Path record) {
        ObjectNode outcome = recordsOutcome(record);
        if (outcome.has("method")) {
            return;
        }
        List<MatchEvent> events = new ArrayList<>(CricsheetConverter.convert(record));
        MatchEnd end = (MatchEnd) events.remove(events.size() - 1);
        events.add(new MatchEnd(end.eventId(), end.matchId(), end.eventTime(),
                MatchEnd.NO_RESULT.equals(end.outcome()) ? MatchEnd.NO_RESULT : null, null));

        JsonNode view = MatchView.of(Scorer.fold(events));

        assertThat(view.get("result")).isEqualTo(outcome);
    }

    /** The record's {@code info.outcome} in the form of the view's {@code result}. */
    private static ObjectNode recordsOutcome(Path record) {
        JsonNode outcome = CricsheetRecords.tree(record).path("info").path("outcome");
        ObjectNode expected = Json.object();
        if (outcome.has("result")) {
            expected.put("result", outcome.get("result").asText());
        }
        for (String tieBreak : List.of("winner", "eliminator", "bowl_out")) {
            if (outcome.has(tieBreak)) {
                expected.put("winner", outcome.get(tieBreak).asText());
            }
        }
        if (outcome.has("by")) {
            expected.set("by", outcome.get("by"));
        }
        if (outcome.has("method")) {
            expected.put("method", outcome.get("method").asText());
        } else if (outcome.has("bowl_out")) {
            expected.put("method", "bowl-out");
        }
        return expected;
    }

    /** A match.end's decision in the same form. */
    private static ObjectNode announced(MatchEnd end) {
        ObjectNode told = Json.object();
        if (end.outcome() != null) {
            told.put("result", end.outcome());
        }
        if (end.winner() != null) {
            told.put("winner", end.winner());
        }
        if (end.by() != null) {
            told.set("by", Json.tree(end.by()));
        }
        if (end.method() != null) {
            told.put("method", end.method());
        }
        return told;
    }

    private static JsonNode view(Path record) {
        return MatchView.of(Scorer.fold(CricsheetConverter.convert(record)));
    }

    private static MatchEvent last(List<MatchEvent> events) {
        return events.get(events.size() - 1);
    }

    /** Every field name in the event but those of the toss, whose winner is the toss's. */
    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("toss")) {
                    return;
                }
                names.add(e.getKey());
                names.addAll(fieldNames(e.getValue()));
            });
        } else if (node.isArray()) {
            node.forEach(child -> names.addAll(fieldNames(child)));
        }
        return names;
    }
}
