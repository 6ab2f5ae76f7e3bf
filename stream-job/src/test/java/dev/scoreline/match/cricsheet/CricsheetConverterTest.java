package dev.scoreline.match.cricsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.InningsEnd;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.match.event.PenaltyRuns;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CricsheetConverterTest {

    private static final String SMALL = """
            {"meta": {"data_version": "1.1.0", "created": "2024-01-01", "revision": 1},
             "info": {"balls_per_over": 6, "dates": ["2024-01-02"], "overs": 20, "teams": ["A", "B"],
                      "players": {"A": ["a1", "a2", "a3"], "B": ["b1", "b2", "b3"]},
                      "venue": "V", "toss": {"winner": "B", "decision": "field"},
                      "outcome": {"winner": "A", "by": {"runs": 3}}},
             "innings": [
               {"team": "A", "overs": [
                 {"over": 0, "deliveries": [
                   {"batter": "a1", "bowler": "b1", "non_striker": "a2", "extras": {"wides": 1},
                    "runs": {"batter": 0, "extras": 1, "total": 1}},
                   {"batter": "a1", "bowler": "b1", "non_striker": "a2", "runs": {"batter": 4, "extras": 0, "total": 4, "non_boundary": true}},
                   {"batter": "a1", "bowler": "b1", "non_striker": "a2", "extras": {"noballs": 1},
                    "runs": {"batter": 0, "extras": 1, "total": 1}},
                   {"batter": "a1", "bowler": "b1", "non_striker": "a2", "extras": {"noballs": 1},
                    "runs": {"batter": 0, "extras": 1, "total": 1}},
                   {"batter": "a1", "bowler": "b1", "non_striker": "a2", "runs": {"batter": 0, "extras": 0, "total": 0},
                    "wickets": [{"player_out": "a1", "kind": "caught", "fielders": [{"name": "b9", "substitute": true}]}]}]},
                 {"over": 1, "deliveries": [
                   {"batter": "a2", "bowler": "b2", "non_striker": "a3", "runs": {"batter": 1, "extras": 0, "total": 1}}]}]},
               {"team": "B", "target": {"runs": 8, "overs": 20}, "overs": [
                 {"over": 0, "deliveries": [
                   {"batter": "b1", "bowler": "a1", "non_striker": "b2", "runs": {"batter": 4, "extras": 0, "total": 4}}]}]}]}
            """;

    static List<Path> records() {
        return CricsheetRecords.all();
    }

    @Test
    void aRecordBecomesTheFeedOfAMatchInPlayOrder() {
        List<MatchEvent> events = CricsheetConverter.convert(SMALL, "t1");

        assertThat(events).extracting(MatchEvent::type).containsExactly("match.start", "innings.start", "delivery",
                "delivery", "delivery", "delivery", "delivery", "delivery", "innings.end", "innings.start", "delivery",
                "innings.end", "match.end");
        assertThat(events.get(0)).isEqualTo(new MatchStart("t1:start", "t1", Instant.parse("2024-01-02T14:00:00Z"),
                List.of("A", "B"), java.util.Map.of("A", List.of("a1", "a2", "a3"), "B", List.of("b1", "b2", "b3")),
                20, 6, "V", new MatchStart.Toss("B", "field")));
        assertThat(((InningsStart) events.get(9)).target()).isEqualTo(new InningsStart.Target(8, 20));
        assertThat(((InningsStart) events.get(1)).target()).isNull();
        Delivery caught = (Delivery) events.get(6);
        assertThat(caught.wickets()).containsExactly(new Delivery.Wicket("caught", "a1", List.of("b9")));
        assertThat(((Delivery) events.get(3)).runs()).isEqualTo(new Delivery.Runs(4, 0, 4, true));
        assertThat(((Delivery) events.get(4)).extras()).isEqualTo(new Delivery.Extras(0, 1, 0, 0, 0));
        assertThat(events.get(events.size() - 1)).isEqualTo(new MatchEnd("t1:end", "t1",
                events.get(events.size() - 1).eventTime(), null, null, "A", new MatchEnd.Margin(3, null, null)));
    }

    @Test
    void ballIdsNumberTheLegalBallsOfTheOverAndSuffixTheWidesAndNoBallsBeforeThem() {
        List<MatchEvent> events = CricsheetConverter.convert(SMALL, "t1");

        assertThat(events).extracting(MatchEvent::eventId).containsExactly("t1:start", "t1:1:start", "t1:1:0.1x1",
                "t1:1:0.1", "t1:1:0.2x1", "t1:1:0.2x2", "t1:1:0.2", "t1:1:1.1", "t1:1:end", "t1:2:start", "t1:2:0.1",
                "t1:2:end", "t1:end");
    }

    @Test
    void timesStartFromTheMatchDateWithBallsFortySecondsApart() {
        List<MatchEvent> events = CricsheetConverter.convert(SMALL, "t1");
        Instant start = Instant.parse("2024-01-02T14:00:00Z");

        assertThat(events.get(1).eventTime()).isEqualTo(start.plus(Duration.ofMinutes(30)));
        assertThat(Duration.between(events.get(2).eventTime(), events.get(3).eventTime())).hasSeconds(40);
        assertThat(Duration.between(events.get(6).eventTime(), events.get(7).eventTime()))
                .as("a new over: the ball plus the change of ends").hasSeconds(100);
        assertThat(Duration.between(events.get(8).eventTime(), events.get(9).eventTime())).hasMinutes(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyRecordGivesOneDeliveryPerBallWithUniqueIdsInTimeOrder(Path record) {
        JsonNode tree = CricsheetRecords.tree(record);
        String id = CricsheetRecords.matchId(record);
        List<MatchEvent> events = CricsheetConverter.convert(record);

        int balls = 0;
        for (JsonNode inn : tree.get("innings")) {
            for (JsonNode over : inn.path("overs")) {
                balls += over.get("deliveries").size();
            }
        }
        Pattern ids = Pattern.compile(Pattern.quote(id)
                + ":(start|end|\\d+:(start|end|penalty-(pre|post)|\\d+\\.\\d+(x\\d+)?))");
        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MIN;
        int innings = 0;
        for (MatchEvent e : events) {
            assertThat(e.matchId()).isEqualTo(id);
            assertThat(e.eventId()).matches(ids);
            assertThat(seen.add(e.eventId())).as("%s is unique", e.eventId()).isTrue();
            assertThat(e.eventTime()).isAfterOrEqualTo(previous);
            previous = e.eventTime();
            if (e instanceof InningsStart start) {
                JsonNode inn = tree.get("innings").get(innings++);
                assertThat(start.battingTeam()).isEqualTo(inn.get("team").asText());
                assertThat(start.superOver()).isEqualTo(inn.path("super_over").asBoolean(false));
                assertThat(start.target() == null ? null : start.target().runs() + " in "
                        + start.target().overs() + "." + (start.target().balls() == null ? 0 : start.target().balls()))
                        .isEqualTo(inn.has("target") ? inn.at("/target/runs").asInt() + " in "
                                + new BigDecimal(inn.at("/target/overs").asText()).setScale(1) : null);
            }
        }
        JsonNode outcome = tree.at("/info/outcome");
        boolean stopped = Set.of("draw", "no result").contains(outcome.path("result").asText()) || outcome.has("method");
        assertThat(events.stream().filter(Delivery.class::isInstance).count()).isEqualTo(balls);
        assertThat(events.stream().filter(InningsEnd.class::isInstance).count())
                .as("every innings ends but one that play stopped")
                .isEqualTo(stopped ? innings - 1 : innings);
        assertThat(events.stream().filter(PenaltyRuns.class::isInstance).mapToInt(e -> ((PenaltyRuns) e).runs()).sum())
                .isEqualTo(tree.findValues("penalty_runs").stream()
                        .mapToInt(p -> p.path("pre").asInt() + p.path("post").asInt()).sum());
        assertThat(events.get(0)).isInstanceOf(MatchStart.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(MatchEnd.class);
    }

    @Test
    void bothDataVersionsAreAmongTheRecordsAndRead() {
        Set<String> versions = new HashSet<>();
        for (Path record : CricsheetRecords.all()) {
            versions.add(CricsheetRecords.tree(record).at("/meta/data_version").asText());
            assertThat(CricsheetConverter.convert(record)).isNotEmpty();
        }

        assertThat(versions).contains("1.0.0", "1.1.0");
    }

    @Test
    void aDeclaredInningsAndAForfeitedOneSayHowTheyEnded() {
        ObjectNode record = (ObjectNode) Json.tree(SMALL);
        ((ObjectNode) record.at("/innings/0")).put("declared", true);
        ObjectNode second = (ObjectNode) record.at("/innings/1");
        second.put("forfeited", true);
        second.remove("overs");

        List<MatchEvent> events = CricsheetConverter.convert(record, "t1");

        assertThat(events).filteredOn(InningsEnd.class::isInstance).extracting(e -> ((InningsEnd) e).reason())
                .containsExactly("declared", "forfeited");
        assertThat(events.get(events.size() - 3)).isInstanceOf(InningsStart.class);
    }

    @Test
    void theOfficialsDecisionIsPassedOnAsTheRecordStatesIt() {
        assertThat(endOf("{\"result\": \"no result\"}")).isEqualTo(end("no result", null, null, null));
        assertThat(endOf("{\"result\": \"draw\"}")).isEqualTo(end("draw", null, null, null));
        assertThat(endOf("{\"winner\": \"B\", \"by\": {\"runs\": 44}, \"method\": \"D/L\"}"))
                .isEqualTo(end(null, "D/L", "B", new MatchEnd.Margin(44, null, null)));
        assertThat(endOf("{\"winner\": \"A\", \"by\": {\"innings\": 1, \"runs\": 104}}"))
                .isEqualTo(end(null, null, "A", new MatchEnd.Margin(104, null, 1)));
        assertThat(endOf("{\"result\": \"tie\", \"eliminator\": \"B\"}")).isEqualTo(end("tie", null, "B", null));
        assertThat(endOf("{\"result\": \"tie\", \"bowl_out\": \"A\"}")).isEqualTo(end("tie", "bowl-out", "A", null));
        assertThat(endOf("{\"winner\": \"A\", \"method\": \"Awarded\"}")).isEqualTo(end(null, "Awarded", "A", null));
    }

    @Test
    void theLastInningsOfAMatchThatStoppedHasNoEndOfItsOwn() {
        for (String stopped : List.of("{\"result\": \"no result\"}", "{\"result\": \"draw\"}",
                "{\"winner\": \"B\", \"by\": {\"wickets\": 9}, \"method\": \"D/L\"}")) {
            List<MatchEvent> events = CricsheetConverter.convert(withOutcome(stopped), "t1");

            assertThat(events).filteredOn(InningsEnd.class::isInstance).extracting(MatchEvent::eventId)
                    .as(stopped).containsExactly("t1:1:end");
        }
    }

    @Test
    void penaltyRunsOutsideABallComeBeforeTheInningsFirstBallOrAfterItsLast() {
        ObjectNode record = (ObjectNode) Json.tree(SMALL);
        ((ObjectNode) record.at("/innings/0")).set("penalty_runs", Json.tree("{\"post\": 5}"));
        ((ObjectNode) record.at("/innings/1")).set("penalty_runs", Json.tree("{\"pre\": 5}"));

        List<MatchEvent> events = CricsheetConverter.convert(record, "t1");

        assertThat(events).extracting(MatchEvent::eventId).containsSubsequence("t1:1:1.1", "t1:1:penalty-post",
                "t1:1:end", "t1:2:start", "t1:2:penalty-pre", "t1:2:0.1");
        assertThat(events).filteredOn(PenaltyRuns.class::isInstance).extracting(e -> ((PenaltyRuns) e).runs())
                .containsExactly(5, 5);
    }

    @Test
    void aTargetPartWayThroughAnOverIsOversAndBalls() {
        List<MatchEvent> events = CricsheetConverter.convert(SMALL.replace("\"target\": {\"runs\": 8, \"overs\": 20}",
                "\"target\": {\"runs\": 8, \"overs\": 17.3}"), "t1");

        assertThat(((InningsStart) events.get(9)).target()).isEqualTo(new InningsStart.Target(8, 17, 3));
    }

    @Test
    void anInningsWithoutOversWasForfeited() {
        ObjectNode record = (ObjectNode) Json.tree(SMALL);
        ((ObjectNode) record.at("/innings/1")).remove("overs");

        List<MatchEvent> events = CricsheetConverter.convert(record, "t1");

        assertThat(events.get(events.size() - 2)).isEqualTo(new InningsEnd("t1:2:end", "t1",
                events.get(events.size() - 2).eventTime(), "forfeited"));
    }

    private static ObjectNode withOutcome(String outcome) {
        ObjectNode record = (ObjectNode) Json.tree(SMALL);
        ((ObjectNode) record.get("info")).set("outcome", Json.tree(outcome));
        return record;
    }

    private static MatchEvent endOf(String outcome) {
        List<MatchEvent> events = CricsheetConverter.convert(withOutcome(outcome), "t1");
        MatchEnd end = (MatchEnd) events.get(events.size() - 1);
        return new MatchEnd(end.eventId(), end.matchId(), null, end.outcome(), end.method(), end.winner(), end.by());
    }

    private static MatchEnd end(String outcome, String method, String winner, MatchEnd.Margin by) {
        return new MatchEnd("t1:end", "t1", null, outcome, method, winner, by);
    }

    @Test
    void badInputIsRefusedWithWhatAndWhere() {
        assertThatThrownBy(() -> CricsheetConverter.convert("{\"meta\": ", "t1"))
                .isInstanceOf(CricsheetFormatException.class)
                .hasMessageStartingWith("t1: not JSON")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL.replace("\"batter\": \"a2\", ", ""), "t1"))
                .isInstanceOf(CricsheetFormatException.class)
                .hasMessage("t1: innings[0].overs[1].deliveries[0]: batter is missing");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL.replace("\"wides\": 1", "\"wide\": 1"), "t1"))
                .hasMessageStartingWith("t1: innings[0].overs[0].deliveries[0].extras.wide: unknown kind of extra");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL.replace("\"1.1.0\"", "\"2.0.0\""), "t1"))
                .hasMessageContaining("meta.data_version: data version 2.0.0");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL.replace("\"teams\": [\"A\", \"B\"]", "\"teams\": \"A\""),
                "t1")).hasMessage("t1: info: teams is \"A\", not an array");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL.replace("\"over\": 1,", "\"over\": 0,"), "t1"))
                .hasMessage("t1: innings[0].overs[1].over: over 0 cannot follow over 0");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL.replace("\"target\": {\"runs\": 8, \"overs\": 20}",
                "\"target\": {\"runs\": 8, \"overs\": 17.35}"), "t1"))
                .hasMessage("t1: innings[1].target.overs: 17.35 is not overs and balls (such as 34.3)");
        assertThatThrownBy(() -> CricsheetConverter.convert(withOutcome("{\"result\": \"abandoned\"}"), "t1"))
                .hasMessageContaining("info.outcome.result: 'abandoned' is not a result this converter knows");
        assertThatThrownBy(() -> CricsheetConverter.convert(SMALL, "a/b"))
                .hasMessageContaining("the match id 'a/b'");
    }

    @Test
    void theMatchIdOfAFileIsItsNameWithoutJson() {
        Path record = CricsheetRecords.all().get(0);

        assertThat(CricsheetConverter.convert(record)).allSatisfy(
                e -> assertThat(e.matchId()).isEqualTo(CricsheetRecords.matchId(record)));
    }
}
