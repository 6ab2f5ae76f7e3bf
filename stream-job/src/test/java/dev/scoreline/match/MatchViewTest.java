package dev.scoreline.match;

import static dev.scoreline.match.Feed.AWAY;
import static dev.scoreline.match.Feed.HOME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.Delivery.Extras;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.patch.MergePatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public view: its shape, its live fields, and how little of it one ball changes. */
class MatchViewTest {

    @Test
    void theViewHasTheDesignsFieldsWithGrowingListsKeyedByPosition() {
        JsonNode view = Feed.match(20, 11).innings(HOME)
                .ball(0, "H1", "H2", "A1", 1)
                .wicket(0, "H2", "H1", "A1", "caught", "H2", "A4")
                .view();

        assertThat(fieldNames(view)).containsExactly("matchId", "teams", "venue", "status", "innings");
        assertThat(view.get("teams")).isEqualTo(Json.tree("[\"Home\",\"Away\"]"));
        JsonNode inn = view.at("/innings/1");
        assertThat(fieldNames(inn)).containsExactly("team", "superOver", "runs", "wickets", "legalBalls", "overs",
                "extras", "batters", "bowlers", "fallOfWickets", "partnerships", "runRate", "nonStriker", "bowler",
                "thisOver");
        assertThat(inn.get("batters")).isEqualTo(Json.tree("""
                {"1": {"name": "H1", "runs": 1, "balls": 1, "fours": 0, "sixes": 0},
                 "2": {"name": "H2", "runs": 0, "balls": 1, "fours": 0, "sixes": 0, "out": "c A4 b A1"}}"""));
        assertThat(inn.get("bowlers")).isEqualTo(Json.tree("""
                {"A1": {"legalBalls": 2, "overs": "0.2", "maidens": 0, "runs": 1, "wickets": 1}}"""));
        assertThat(inn.get("fallOfWickets")).isEqualTo(Json.tree("""
                {"1": {"runs": 1, "legalBalls": 2, "overs": "0.2", "player": "H2"}}"""));
        assertThat(inn.get("partnerships")).isEqualTo(Json.tree("""
                {"1": {"batters": ["H1", "H2"], "runs": 1, "legalBalls": 2}}"""));
        assertThat(inn.get("runRate").asDouble()).isEqualTo(3.0);
        assertThat(inn.get("nonStriker").asText()).as("H2, who faced the last ball, is out").isEqualTo("H1");
    }

    @Test
    void theChaseShowsItsTargetAndTheRateItNeeds() {
        JsonNode inn = Feed.match(2, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).dots(5, 0, "H1", "H2", "A1")
                .ball(1, "H2", "H1", "A2", 6).dots(5, 1, "H2", "H1", "A2")
                .innings(AWAY).ball(0, "A1", "A2", "H1", 4).dots(2, 0, "A1", "A2", "H1")
                .innings(2);

        assertThat(inn.get("target")).isEqualTo(Json.tree("{\"runs\":13,\"overs\":2}"));
        assertThat(inn.get("runRate").asDouble()).as("4 off 3 balls: 8 an over").isEqualTo(8.0);
        assertThat(inn.get("requiredRate").asDouble()).as("9 off 9 balls: 6 an over").isEqualTo(6.0);
    }

    @Test
    void aChaseShowsTheRunsAndBallsItNeeds() {
        JsonNode inn = Feed.match(2, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).dots(5, 0, "H1", "H2", "A1")
                .endInnings().innings(AWAY).ball(0, "A1", "A2", "H1", 4).dots(2, 0, "A1", "A2", "H1")
                .innings(2);

        assertThat(inn.get("runsNeeded").asInt()).isEqualTo(3);
        assertThat(inn.get("ballsLeft").asInt()).isEqualTo(9);
    }

    @Test
    void aMultiDayInningsShowsTheBattingSidesLeadOnceTheOtherSideHasBatted() {
        Feed feed = Feed.match(null, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6);
        assertThat(feed.innings(1).has("lead")).isFalse();

        feed.endInnings().innings(AWAY).ball(0, "A1", "A2", "H1", 4);
        assertThat(feed.innings(2).get("lead").asInt()).as("trailing by 2").isEqualTo(-2);
        assertThat(feed.innings(2).has("runsNeeded")).isFalse();

        feed.ball(0, "A1", "A2", "H1", 4).endInnings("declared").innings(HOME);
        assertThat(feed.innings(3).get("lead").asInt()).as("a follow-on-free third innings").isEqualTo(-2);
        assertThat(feed.innings(2).has("lead")).as("only the innings in play").isFalse();
    }

    @Test
    void eightBallOversCountEightLegalBalls() {
        JsonNode inn = Feed.match(20, 11, 8).innings(HOME).dots(7, 0, "H1", "H2", "A1").innings(1);
        assertThat(inn.get("overs").asText()).isEqualTo("0.7");

        inn = Feed.match(20, 11, 8).innings(HOME).dots(8, 0, "H1", "H2", "A1").innings(1);
        assertThat(inn.get("overs").asText()).isEqualTo("1.0");
        assertThat(inn.at("/bowlers/A1/overs").asText()).isEqualTo("1.0");
    }

    @Test
    void anEndedInningsKeepsItsCardButNotItsLiveFields() {
        JsonNode view = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 2).endInnings().view();
        JsonNode inn = view.at("/innings/1");

        assertThat(view.get("status").asText()).isEqualTo("innings break");
        assertThat(inn.get("ended").asText()).as("closed short without a declaration").isEqualTo("all out");
        assertThat(inn.has("striker") || inn.has("nonStriker") || inn.has("bowler") || inn.has("thisOver")
                || inn.has("requiredRate")).isFalse();
        assertThat(inn.at("/batters/1/runs").asInt()).isEqualTo(2);
    }

    @Test
    void theStatusGoesFromLiveToInningsBreakToCompleted() {
        Feed feed = Feed.match(1, 11);
        List<String> statuses = new ArrayList<>();
        statuses.add(feed.view().get("status").asText());
        feed.innings(HOME).ball(0, "H1", "H2", "A1", 1);
        statuses.add(feed.view().get("status").asText());
        feed.dots(5, 0, "H1", "H2", "A1");
        statuses.add(feed.view().get("status").asText());
        feed.innings(AWAY).ball(0, "A1", "A2", "H1", 2);
        statuses.add(feed.view().get("status").asText());

        assertThat(statuses).containsExactly("live", "live", "innings break", "completed");
    }

    @Test
    void theViewsAreTheMatchChannelAndItsMarketsOnly() {
        MatchState state = Feed.match(20, 11).state();

        Map<Channel, JsonNode> views = new Scorer().views(state);

        assertThat(views).containsOnlyKeys(Channel.match(Feed.MATCH), Channel.markets(Feed.MATCH));
        assertThat(views.get(Channel.match(Feed.MATCH))).isEqualTo(MatchView.of(state));
        assertThat(views.get(Channel.markets(Feed.MATCH)).at("/markets/winner/status").asText()).isEqualTo("open");
    }

    @Test
    void noViewOfAnyRecordedBallHasANullMemberAndEveryStateSurvivesJson() {
        for (Path record : CricsheetRecords.all()) {
            List<MatchEvent> events = CricsheetConverter.convert(record);
            MatchState state = null;
            JsonNode built = null;
            int shared = 0;
            for (int n = 0; n < events.size(); n++) {
                List<MatchEvent> history = events.subList(0, n);
                MatchState previous = state;
                state = ((Decision.Accepted<MatchState>) new Scorer().apply(state, events.get(n), () -> history))
                        .state();
                JsonNode view = MatchView.of(state);
                assertThat(MergePatch.normalize(view)).as("%s after %d events", record, n).isEqualTo(view);
                assertThat(Json.read(Json.bytes(state), MatchState.class)).isEqualTo(state);

                JsonNode next = MatchView.of(state, previous, built);
                assertThat(next).as("built on the previous view, %s after %d events", record, n).isEqualTo(view);
                if (built != null && built.path("innings").path("1") == next.path("innings").path("1")) {
                    shared++;
                }
                built = next;
            }
            if (state.innings().size() > 1) {
                assertThat(shared).as("%s: balls after the first innings share its view", record).isPositive();
            }
        }
    }

    @Test
    void aBallChangesOnlyTheFieldsItTouches() {
        Feed feed = Feed.match(20, 11).innings(HOME).dots(6, 0, "H1", "H2", "A1").dots(2, 1, "H2", "H1", "A2");
        JsonNode before = feed.view();

        JsonNode patch = MergePatch.diff(before, feed.extra(1, "H2", "H1", "A2", 0, new Extras(0, 0, 0, 1, 0)).view());

        assertThat(patch).isEqualTo(Json.tree("""
                {"innings": {"1": {"runs": 1, "legalBalls": 9, "overs": "1.3", "extras": {"legbyes": 1},
                  "batters": {"2": {"balls": 3}}, "bowlers": {"A2": {"legalBalls": 3, "overs": "0.3"}},
                  "partnerships": {"1": {"runs": 1, "legalBalls": 9}}, "runRate": 0.67,
                  "thisOver": {"3": "1lb"}}}}"""));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
