package dev.scoreline.match;

import static dev.scoreline.match.Feed.AWAY;
import static dev.scoreline.match.Feed.HOME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.Delivery.Extras;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.InningsStart.Target;
import dev.scoreline.match.event.InningsTarget;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.match.event.PenaltyRuns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scoring rules, one small hand-made match at a time; expectations are the Laws' arithmetic. */
class ScorerRulesTest {

    private static Feed firstInnings() {
        return Feed.match(20, 11).innings(HOME);
    }

    @Nested
    class Extras_ {

        @Test
        void aWideIsAnExtraChargedToTheBowlerButNoBallFacedNorLegal() {
            JsonNode inn = firstInnings().extra(0, "H1", "H2", "A1", 0, new Extras(1, 0, 0, 0, 0)).innings(1);

            assertThat(inn.get("runs").asInt()).isEqualTo(1);
            assertThat(inn.get("legalBalls").asInt()).isZero();
            assertThat(inn.at("/extras/wides").asInt()).isEqualTo(1);
            assertThat(inn.at("/batters/1/balls").asInt()).isZero();
            assertThat(inn.at("/bowlers/A1/runs").asInt()).isEqualTo(1);
            assertThat(inn.at("/bowlers/A1/legalBalls").asInt()).isZero();
            assertThat(inn.get("overs").asText()).isEqualTo("0.0");
        }

        @Test
        void wideRunsAndBoundariesAreAllWidesAndAllTheBowlers() {
            JsonNode inn = firstInnings().extra(0, "H1", "H2", "A1", 0, new Extras(5, 0, 0, 0, 0)).innings(1);

            assertThat(inn.get("runs").asInt()).isEqualTo(5);
            assertThat(inn.at("/extras/wides").asInt()).isEqualTo(5);
            assertThat(inn.at("/bowlers/A1/runs").asInt()).isEqualTo(5);
            assertThat(inn.at("/batters/1/runs").asInt()).isZero();
        }

        @Test
        void runsOffTheBatOnANoBallAreTheBattersAndTheNoBallIsAFacedBall() {
            JsonNode inn = firstInnings().extra(0, "H1", "H2", "A1", 4, new Extras(0, 1, 0, 0, 0)).innings(1);

            assertThat(inn.get("runs").asInt()).isEqualTo(5);
            assertThat(inn.get("legalBalls").asInt()).isZero();
            assertThat(inn.at("/extras/noballs").asInt()).isEqualTo(1);
            assertThat(inn.at("/batters/1/runs").asInt()).isEqualTo(4);
            assertThat(inn.at("/batters/1/balls").asInt()).isEqualTo(1);
            assertThat(inn.at("/batters/1/fours").asInt()).isEqualTo(1);
            assertThat(inn.at("/bowlers/A1/runs").asInt()).isEqualTo(5);
            assertThat(inn.at("/bowlers/A1/legalBalls").asInt()).isZero();
        }

        @Test
        void byesOffANoBallChargeTheBowlerOnlyTheNoBall() {
            JsonNode inn = firstInnings().extra(0, "H1", "H2", "A1", 0, new Extras(0, 1, 2, 0, 0)).innings(1);

            assertThat(inn.get("runs").asInt()).isEqualTo(3);
            assertThat(inn.at("/extras/byes").asInt()).isEqualTo(2);
            assertThat(inn.at("/bowlers/A1/runs").asInt()).isEqualTo(1);
            assertThat(inn.at("/batters/1/balls").asInt()).isEqualTo(1);
        }

        @ParameterizedTest
        @CsvSource({"byes,4", "legbyes,2", "penalty,5"})
        void byesLegByesAndPenaltyRunsAreExtrasNotTheBowlersOnALegalBall(String kind, int runs) {
            Extras extras = new Extras(0, 0, kind.equals("byes") ? runs : 0, kind.equals("legbyes") ? runs : 0,
                    kind.equals("penalty") ? runs : 0);
            JsonNode inn = firstInnings().extra(0, "H1", "H2", "A1", 0, extras).innings(1);

            assertThat(inn.get("runs").asInt()).isEqualTo(runs);
            assertThat(inn.get("extras").get(kind).asInt()).isEqualTo(runs);
            assertThat(inn.get("legalBalls").asInt()).isEqualTo(1);
            assertThat(inn.at("/batters/1/runs").asInt()).isZero();
            assertThat(inn.at("/batters/1/balls").asInt()).isEqualTo(1);
            assertThat(inn.at("/bowlers/A1/runs").asInt()).isZero();
            assertThat(inn.at("/bowlers/A1/legalBalls").asInt()).isEqualTo(1);
        }

        @Test
        void fourAndSixRunsThatWereRunAreNotBoundaries() {
            Feed feed = firstInnings();
            feed.add(feed.delivery(0, "H1", "H2", "A1", 4, Extras.NONE, true, List.of()));
            feed.add(feed.delivery(0, "H1", "H2", "A1", 6, Extras.NONE, true, List.of()));
            feed.ball(0, "H1", "H2", "A1", 4).ball(0, "H1", "H2", "A1", 6);

            JsonNode batter = feed.innings(1).at("/batters/1");

            assertThat(batter.get("runs").asInt()).isEqualTo(20);
            assertThat(batter.get("fours").asInt()).isEqualTo(1);
            assertThat(batter.get("sixes").asInt()).isEqualTo(1);
        }
    }

    @Nested
    class Dismissals {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "bowled                | b A1                      | true  | true",
            "caught                | c A5 b A1                 | true  | true",
            "caught and bowled     | c & b A1                  | true  | true",
            "lbw                   | lbw b A1                  | true  | true",
            "stumped               | st A5 b A1                | true  | true",
            "hit wicket            | hit wicket b A1           | true  | true",
            "run out               | run out (A5)              | true  | false",
            "retired out           | retired out               | true  | false",
            "obstructing the field | obstructing the field     | true  | false",
            "handled the ball      | handled the ball          | true  | false",
            "timed out             | timed out                 | true  | false",
            "hit the ball twice    | hit the ball twice        | true  | false",
            "retired hurt          | retired hurt              | false | false",
            "retired not out       | retired not out           | false | false"})
        void eachKindIsAWicketAndTheBowlersAsTheLawsSay(String kind, String howOut, boolean wicket, boolean bowlers) {
            JsonNode inn = firstInnings().wicket(0, "H1", "H2", "A1", kind, "H1", "A5").innings(1);

            assertThat(inn.get("wickets").asInt()).isEqualTo(wicket ? 1 : 0);
            assertThat(inn.get("fallOfWickets").size()).isEqualTo(wicket ? 1 : 0);
            assertThat(inn.at("/bowlers/A1/wickets").asInt()).isEqualTo(bowlers ? 1 : 0);
            assertThat(inn.at("/batters/1/out").asText()).isEqualTo(howOut);
            assertThat(inn.has("striker")).isFalse();
            assertThat(inn.get("nonStriker").asText()).isEqualTo("H2");
        }

        @Test
        void aRunOutCanBeTheNonStrikersWithTheRunsCompleted() {
            Feed feed = firstInnings();
            feed.add(feed.delivery(0, "H1", "H2", "A1", 1, Extras.NONE, false,
                    List.of(new Delivery.Wicket("run out", "H2", List.of("A4", "A7")))));

            JsonNode inn = feed.innings(1);

            assertThat(inn.at("/batters/2/out").asText()).isEqualTo("run out (A4/A7)");
            assertThat(inn.at("/batters/1").has("out")).isFalse();
            assertThat(inn.at("/fallOfWickets/1")).isEqualTo(Json.tree(
                    "{\"runs\":1,\"legalBalls\":1,\"overs\":\"0.1\",\"player\":\"H2\"}"));
        }

        @Test
        void aBatterWhoRetiredHurtMayComeBackAndIsNotOutUntilDismissed() {
            Feed feed = firstInnings()
                    .ball(0, "H1", "H2", "A1", 2)
                    .wicket(0, "H1", "H2", "A1", "retired hurt", "H1")
                    .ball(0, "H3", "H2", "A1", 1)
                    .wicket(0, "H2", "H3", "A1", "bowled", "H2");
            assertThat(feed.innings(1).at("/batters/1/out").asText()).isEqualTo("retired hurt");

            feed.ball(0, "H1", "H3", "A1", 3);
            JsonNode inn = feed.innings(1);

            assertThat(inn.at("/batters/1").has("out")).isFalse();
            assertThat(inn.at("/batters/1/runs").asInt()).isEqualTo(5);
            assertThat(inn.at("/batters/1/balls").asInt()).isEqualTo(3);
            assertThat(inn.get("wickets").asInt()).isEqualTo(1);
            assertThat(inn.at("/partnerships").size()).isEqualTo(3);
            assertThat(inn.at("/partnerships/3/batters")).isEqualTo(Json.tree("[\"H1\",\"H3\"]"));
        }

        @Test
        void aDismissedBatterCannotBatAgain() {
            Feed feed = firstInnings().wicket(0, "H1", "H2", "A1", "bowled", "H1");

            assertThat(feed.rejectionOf(feed.delivery(0, "H1", "H2", "A1", 0, Extras.NONE, false, List.of())))
                    .contains("H1 is already out (b A1)");
        }

        @Test
        void theSideIsAllOutWhenAllButOneOfItsPlayersAreOut() {
            JsonNode inn = Feed.match(20, 3).innings(HOME)
                    .wicket(0, "H1", "H2", "A1", "bowled", "H1")
                    .wicket(0, "H3", "H2", "A1", "caught", "H3", "A2")
                    .innings(1);

            assertThat(inn.get("wickets").asInt()).isEqualTo(2);
            assertThat(inn.get("ended").asText()).isEqualTo("all out");
        }
    }

    @Nested
    class Overs {

        @Test
        void anOverOfFiveLegalBallsEndsWhenTheFeedMovesToTheNextOver() {
            Feed feed = firstInnings().dots(5, 0, "H1", "H2", "A1");
            assertThat(feed.innings(1).get("overs").asText()).isEqualTo("0.5");

            JsonNode inn = feed.ball(1, "H2", "H1", "A2", 1).innings(1);

            assertThat(inn.get("overs").asText()).isEqualTo("1.1");
            assertThat(inn.get("legalBalls").asInt()).isEqualTo(6);
            assertThat(inn.at("/bowlers/A1/overs").asText()).isEqualTo("1.0");
            assertThat(inn.at("/bowlers/A1/maidens").asInt()).isEqualTo(1);
            assertThat(inn.get("thisOver")).isEqualTo(Json.tree("{\"1\":\"1\"}"));
        }

        @Test
        void anOverOfSevenLegalBallsIsOneOver() {
            Feed feed = firstInnings().dots(6, 0, "H1", "H2", "A1");
            assertThat(feed.innings(1).get("overs").asText()).isEqualTo("1.0");

            JsonNode inn = feed.ball(0, "H1", "H2", "A1", 1).ball(1, "H2", "H1", "A2", 0).innings(1);

            assertThat(inn.get("overs").asText()).isEqualTo("1.1");
            assertThat(inn.get("legalBalls").asInt()).isEqualTo(8);
            assertThat(inn.at("/bowlers/A1/legalBalls").asInt()).isEqualTo(7);
            assertThat(inn.at("/bowlers/A1/overs").asText()).isEqualTo("1.0");
            assertThat(inn.at("/bowlers/A1/maidens").asInt()).isZero();
        }

        @Test
        void theInningsEndsWhenItsOversAreBowledAsTheFeedCountsThem() {
            JsonNode inn = Feed.match(2, 11).innings(HOME)
                    .dots(5, 0, "H1", "H2", "A1")
                    .dots(6, 1, "H2", "H1", "A2")
                    .innings(1);

            assertThat(inn.get("ended").asText()).isEqualTo("overs complete");
            assertThat(inn.get("overs").asText()).isEqualTo("2.0");
            assertThat(inn.get("legalBalls").asInt()).isEqualTo(11);
        }

        @Test
        void aMaidenIsACompletedOverOfOneBowlerWithNothingChargedToHim() {
            Feed feed = firstInnings()
                    .dots(3, 0, "H1", "H2", "A1")
                    .extra(0, "H1", "H2", "A1", 0, new Extras(0, 0, 4, 0, 0))
                    .extra(0, "H1", "H2", "A1", 0, new Extras(0, 0, 0, 1, 0))
                    .ball(0, "H2", "H1", "A1", 0);
            assertThat(feed.innings(1).at("/bowlers/A1/maidens").asInt()).isEqualTo(1);

            JsonNode inn = feed
                    .extra(1, "H1", "H2", "A2", 0, new Extras(1, 0, 0, 0, 0))
                    .dots(6, 1, "H1", "H2", "A2")
                    .dots(3, 2, "H2", "H1", "A1")
                    .dots(3, 2, "H2", "H1", "A3")
                    .ball(3, "H1", "H2", "A2", 0)
                    .innings(1);

            assertThat(inn.at("/bowlers/A1/maidens").asInt()).isEqualTo(1);
            assertThat(inn.at("/bowlers/A2/maidens").asInt()).as("a wide is charged to the bowler").isZero();
            assertThat(inn.at("/bowlers/A3/maidens").asInt()).as("a shared over is nobody's maiden").isZero();
            assertThat(inn.at("/bowlers/A1/overs").asText()).isEqualTo("1.3");
            assertThat(inn.at("/bowlers/A3/overs").asText()).isEqualTo("0.3");
        }

        @Test
        void thisOverShowsEachDeliveryOfTheOverInPlay() {
            Feed feed = firstInnings()
                    .ball(0, "H1", "H2", "A1", 0)
                    .ball(0, "H1", "H2", "A1", 4)
                    .extra(0, "H1", "H2", "A1", 0, new Extras(1, 0, 0, 0, 0))
                    .extra(0, "H1", "H2", "A1", 6, new Extras(0, 1, 0, 0, 0))
                    .extra(0, "H1", "H2", "A1", 0, new Extras(0, 0, 0, 2, 0))
                    .wicket(0, "H1", "H2", "A1", "bowled", "H1");

            assertThat(feed.innings(1).get("thisOver"))
                    .isEqualTo(Json.tree("{\"1\":\"0\",\"2\":\"4\",\"3\":\"1wd\",\"4\":\"7nb\",\"5\":\"2lb\",\"6\":\"W\"}"));
        }
    }

    @Nested
    class Results {

        @Test
        void theSideBattingFirstWinsByTheRunsTheChaseFellShort() {
            Feed feed = Feed.match(1, 11).innings(HOME)
                    .ball(0, "H1", "H2", "A1", 6).ball(0, "H1", "H2", "A1", 4).dots(4, 0, "H1", "H2", "A1")
                    .innings(AWAY)
                    .ball(0, "A1", "A2", "H1", 4).dots(5, 0, "A1", "A2", "H1");
            JsonNode view = feed.view();

            assertThat(view.at("/innings/2/target")).isEqualTo(Json.tree("{\"runs\":11,\"overs\":1}"));
            assertThat(view.get("result")).isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"runs\":6}}"));
            assertThat(view.get("status").asText()).isEqualTo("completed");
            assertThat(new Scorer().isFinished(feed.state())).isTrue();
        }

        @Test
        void theChasingSideWinsByTheWicketsItHadLeftTheMomentItReachesTheTarget() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4).endInnings()
                    .innings(AWAY)
                    .wicket(0, "A1", "A2", "H1", "bowled", "A1")
                    .ball(0, "A3", "A2", "H1", 6);
            JsonNode view = feed.view();

            assertThat(view.at("/innings/2/ended").asText()).isEqualTo("target reached");
            assertThat(view.get("result")).isEqualTo(Json.tree("{\"winner\":\"Away\",\"by\":{\"wickets\":9}}"));
            assertThat(view.get("status").asText()).isEqualTo("completed");
        }

        @Test
        void theFeedIsTheAuthorityOnWhatWasBowledAfterTheChaseWasWon() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 6)
                    .wicket(0, "A1", "A2", "H1", "bowled", "A1").ball(0, "A3", "A2", "H1", 1);
            JsonNode view = feed.view();

            assertThat(view.at("/innings/2/runs").asInt()).as("every ball is folded").isEqualTo(7);
            assertThat(view.at("/innings/2/legalBalls").asInt()).isEqualTo(3);
            assertThat(view.at("/innings/2/ended").asText()).isEqualTo("target reached");
            assertThat(view.get("result")).as("the result follows the balls")
                    .isEqualTo(Json.tree("{\"winner\":\"Away\",\"by\":{\"wickets\":9}}"));

            feed.endInnings();
            assertThat(feed.rejectionOf(feed.delivery(0, "A3", "A2", "H1", 0, Extras.NONE, false, List.of())))
                    .isEqualTo("innings 2 of Away has ended (target reached)");
        }

        @Test
        void aRevisedTargetDecidesWhereverItComesAndTheLastRevisionStands() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).ball(0, "H1", "H2", "A1", 6)
                    .endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 4).ball(0, "A1", "A2", "H1", 4);
            assertThat(feed.state().result()).isNull();

            feed.add(new InningsTarget(feed.id(), Feed.MATCH, feed.tick(), new Target(8, 0, 2)));
            JsonNode view = feed.view();
            assertThat(view.at("/innings/2/target")).isEqualTo(Json.tree("{\"runs\":8,\"overs\":0,\"balls\":2}"));
            assertThat(view.get("result")).as("8 reached within the revised 0.2 overs")
                    .isEqualTo(Json.tree("{\"winner\":\"Away\",\"by\":{\"wickets\":10}}"));

            feed.add(new InningsTarget(feed.id(), Feed.MATCH, feed.tick(), new Target(10, 0, 2)));
            view = feed.view();
            assertThat(view.get("result")).as("10 was not: the later revision stands")
                    .isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"runs\":1}}"));
            assertThat(view.at("/innings/2/ended").asText()).isEqualTo("overs complete");
            assertThat(feed.rejectionOf(new InningsTarget("e", Feed.MATCH, Instant.EPOCH, new Target(8, 1, 6))))
                    .contains("less than an over of 6");
        }

        @Test
        void aTargetForTheSideBattingFirstIsRefused() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6);

            assertThat(feed.rejectionOf(new InningsTarget("e", Feed.MATCH, Instant.EPOCH, new Target(8, 5))))
                    .contains("chases nothing");
        }

        @Test
        void penaltyRunsOutsideABallCountInTheTotalAndTheExtrasOfTheLatestInnings() {
            Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).dots(5, 0, "H1", "H2", "A1");
            assertThat(feed.view().at("/innings/1/ended").asText()).isEqualTo("overs complete");

            feed.add(new PenaltyRuns(feed.id(), Feed.MATCH, feed.tick(), 5)).endInnings()
                    .innings(AWAY).add(new PenaltyRuns(feed.id(), Feed.MATCH, feed.tick(), 5));
            JsonNode view = feed.view();

            assertThat(view.at("/innings/1/runs").asInt()).isEqualTo(6);
            assertThat(view.at("/innings/1/extras/penalty").asInt()).isEqualTo(5);
            assertThat(view.at("/innings/2/target/runs").asInt()).isEqualTo(7);
            assertThat(view.at("/innings/2/runs").asInt()).isEqualTo(5);
            assertThat(feed.rejectionOf(new PenaltyRuns("e", Feed.MATCH, Instant.EPOCH, 0))).contains("at least one");
        }

        @Test
        void aChaseClosedShortOfItsBallsAndWicketsWasAllOut() {
            Feed feed = Feed.match(20, 3).innings(HOME).ball(0, "H1", "H2", "A1", 4).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 1).wicket(0, "A1", "A2", "H1", "bowled", "A1")
                    .endInnings();
            JsonNode view = feed.view();

            assertThat(view.at("/innings/2/wickets").asInt()).as("one of the two wickets: a player absent hurt")
                    .isEqualTo(1);
            assertThat(view.at("/innings/2/ended").asText()).isEqualTo("all out");
            assertThat(view.get("result")).isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"runs\":3}}"));
        }

        @Test
        void aTieIsSettledByTheSuperOverAndATiedSuperOverByTheNext() {
            Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4).dots(5, 0, "H1", "H2", "A1")
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 4).dots(5, 0, "A1", "A2", "H1");
            assertThat(feed.view().get("status").asText()).isEqualTo("innings break");
            assertThat(feed.state().result()).isNull();

            feed.superOver(AWAY).ball(0, "A3", "A4", "H2", 6).dots(5, 0, "A3", "A4", "H2")
                    .superOver(HOME).ball(0, "H3", "H4", "A2", 6).dots(5, 0, "H3", "H4", "A2");
            assertThat(feed.view().at("/innings/4/target/runs").asInt()).isEqualTo(7);
            assertThat(feed.state().result()).as("the super over is tied too").isNull();

            feed.superOver(AWAY).ball(0, "A5", "A6", "H3", 1).dots(5, 0, "A5", "A6", "H3")
                    .superOver(HOME).ball(0, "H5", "H6", "A3", 2);

            assertThat(feed.view().get("result")).isEqualTo(Json.tree("{\"result\":\"tie\",\"winner\":\"Home\"}"));
        }

        @Test
        void aTieWithoutASuperOverHasNoWinner() {
            Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).dots(5, 0, "H1", "H2", "A1")
                    .innings(AWAY).dots(5, 0, "A1", "A2", "H1").ball(0, "A1", "A2", "H1", 1)
                    .endMatch(null, null);

            assertThat(feed.view().get("result")).isEqualTo(Json.tree("{\"result\":\"tie\"}"));
        }

        @Test
        void aSuperOverFollowsOnlyATie() {
            Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).dots(5, 0, "H1", "H2", "A1");

            assertThat(feed.rejectionOf(new InningsStart("e", Feed.MATCH, Instant.EPOCH, AWAY, true, null)))
                    .contains("follows only a tie");
        }

        @Test
        void theFeedsTargetDecidesAReducedMatchAndItsMethodIsKept() {
            Feed feed = Feed.match(20, 11).innings(HOME)
                    .ball(0, "H1", "H2", "A1", 6).ball(0, "H1", "H2", "A1", 6).dots(4, 0, "H1", "H2", "A1")
                    .endInnings()
                    .innings(AWAY, 15, 1)
                    .ball(0, "A1", "A2", "H1", 4).dots(5, 0, "A1", "A2", "H1");
            assertThat(feed.view().at("/innings/2/ended").asText()).isEqualTo("overs complete");

            feed.endInnings().endMatch(null, "D/L");

            assertThat(feed.view().get("result"))
                    .isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"runs\":10},\"method\":\"D/L\"}"));
        }

        @Test
        void anAbandonedMatchHasNoResult() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).endMatch("no result", null);
            JsonNode view = feed.view();

            assertThat(view.get("result")).isEqualTo(Json.tree("{\"result\":\"no result\"}"));
            assertThat(view.at("/innings/1/ended").asText()).isEqualTo("stopped");
        }

        @Test
        void aMatchEndWithoutTheOfficialsWordTakesWhatTheBallsDecideAndNeverRefuses() {
            Feed chase = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 2).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 1).endMatch(null, null);
            assertThat(chase.view().get("result")).as("a chase short of its balls and wickets was all out")
                    .isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"runs\":1}}"));

            Feed nothing = Feed.match(20, 11).innings(HOME).endMatch(null, null);
            assertThat(nothing.view().get("result")).isEqualTo(Json.tree("{\"result\":\"no result\"}"));

            Feed multiDay = Feed.match(null, 11).innings(HOME).ball(0, "H1", "H2", "A1", 2).endMatch(null, null);
            assertThat(multiDay.view().get("result")).isEqualTo(Json.tree("{\"result\":\"draw\"}"));
            assertThat(multiDay.view().at("/innings/1/ended").asText()).as("time ran out").isEqualTo("stopped");
        }

        @Test
        void theOfficialsMethodStandsOverTheBallsWithoutBeingAContradiction() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 2)
                    .add(new MatchEnd(Feed.MATCH + "-end", Feed.MATCH, Instant.EPOCH, null, "D/L", AWAY,
                            new MatchEnd.Margin(3, null, null)));
            JsonNode view = feed.view();

            assertThat(view.get("result"))
                    .isEqualTo(Json.tree("{\"winner\":\"Away\",\"by\":{\"runs\":3},\"method\":\"D/L\"}"));
            assertThat(view.at("/innings/2/ended").asText()).as("play stopped for the method").isEqualTo("stopped");
        }

        @Test
        void officialsWhoContradictTheBallsStandAndTheStateSaysSo() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 2).endInnings();
            MatchState before = feed.state();
            feed.add(new MatchEnd(Feed.MATCH + "-end", Feed.MATCH, Instant.EPOCH, null, null, AWAY, null));
            JsonNode view = feed.view();

            assertThat(view.get("result")).isEqualTo(Json.tree(
                    "{\"winner\":\"Away\",\"overruled\":{\"winner\":\"Home\",\"by\":{\"runs\":4}}}"));
            assertThat(new Scorer().notices(before, feed.state())).containsExactly(Scorer.OFFICIALS_OVERRULED_BALLS);
            assertThat(new Scorer().notices(feed.state(), feed.state())).isEmpty();
        }

        @Test
        void officialsWhoAgreeOrOnlyAddWhatTheBallsCannotDecideOverruleNothing() {
            Feed agreeing = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 2).endInnings();
            MatchState before = agreeing.state();
            agreeing.add(new MatchEnd(Feed.MATCH + "-end", Feed.MATCH, Instant.EPOCH, null, null, HOME, null));
            assertThat(agreeing.view().get("result")).as("the balls' margin kept")
                    .isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"runs\":4}}"));
            assertThat(new Scorer().notices(before, agreeing.state())).isEmpty();

            Feed boundaryCount = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).dots(5, 0, "H1", "H2", "A1")
                    .innings(AWAY).dots(5, 0, "A1", "A2", "H1").ball(0, "A1", "A2", "H1", 1)
                    .add(new MatchEnd(Feed.MATCH + "-end", Feed.MATCH, Instant.EPOCH, MatchEnd.TIE, "boundary count",
                            AWAY, null));
            assertThat(boundaryCount.view().get("result")).isEqualTo(
                    Json.tree("{\"result\":\"tie\",\"winner\":\"Away\",\"method\":\"boundary count\"}"));
        }

        @Test
        void theOfficialsNoResultWhereTheBallsDecidedStandsAndIsMarked() {
            Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).dots(5, 0, "H1", "H2", "A1")
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 4).endMatch("no result", null);

            assertThat(feed.view().get("result")).isEqualTo(Json.tree(
                    "{\"result\":\"no result\",\"overruled\":{\"winner\":\"Away\",\"by\":{\"wickets\":10}}}"));
        }

        @Test
        void aMatchEndNamingAWinnerWhoIsNotPlayingIsRefused() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6);

            assertThat(feed.rejectionOf(new MatchEnd("e", Feed.MATCH, Instant.EPOCH, null, null, "Elsewhere", null)))
                    .contains("Elsewhere is not playing");
        }

        @Test
        void aMatchTheBallsDecidedStillTakesTheFeedsClosingEventsOnce() {
            Feed feed = Feed.match(1, 11).innings(HOME).ball(0, "H1", "H2", "A1", 1).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 2)
                    .endInnings().endMatch(null, null);

            assertThat(feed.state().ended()).isTrue();
            assertThat(feed.rejectionOf(new MatchEnd("e", Feed.MATCH, Instant.EPOCH, null,
                    null))).contains("has ended");
            assertThat(feed.rejectionOf(new dev.scoreline.match.event.InningsEnd("e", Feed.MATCH, Instant.EPOCH,
                    null))).contains("has ended");
        }

        @Test
        void withoutAnOversLimitTheSideBattingTwiceCanLoseByAnInnings() {
            Feed feed = Feed.match(null, 3).innings(HOME).ball(0, "H1", "H2", "A1", 6).endInnings()
                    .innings(AWAY).wicket(0, "A1", "A2", "H1", "bowled", "A1").wicket(0, "A3", "A2", "H1", "lbw", "A3")
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 2).wicket(0, "A1", "A2", "H1", "bowled", "A1")
                    .wicket(0, "A3", "A2", "H1", "bowled", "A3");

            assertThat(feed.view().get("result"))
                    .isEqualTo(Json.tree("{\"winner\":\"Home\",\"by\":{\"innings\":1,\"runs\":4}}"));
        }

        @Test
        void withoutAnOversLimitAnUnfinishedChaseIsADraw() {
            Feed feed = Feed.match(null, 11).innings(HOME).ball(0, "H1", "H2", "A1", 6).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 4).endInnings()
                    .innings(HOME).ball(0, "H1", "H2", "A1", 1).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 1);
            assertThat(feed.view().at("/innings/4/target/runs").asInt()).as("7 - 4 + 1").isEqualTo(4);

            feed.endMatch(null, null);

            assertThat(feed.view().get("result")).isEqualTo(Json.tree("{\"result\":\"draw\"}"));
        }
    }

    @Nested
    class Undo {

        @Test
        void anUndoRetractsTheLastBall() {
            Feed feed = firstInnings().ball(0, "H1", "H2", "A1", 1);
            MatchState before = feed.state();

            feed.ball(0, "H2", "H1", "A1", 4).undo();

            assertThat(feed.state()).isEqualTo(before);
        }

        @Test
        void anUndoOfAWicketRestoresTheBatterTheBowlerAndTheFallOfWickets() {
            Feed feed = firstInnings().ball(0, "H1", "H2", "A1", 1);
            MatchState before = feed.state();
            feed.wicket(0, "H2", "H1", "A1", "caught", "H2", "A3");
            assertThat(feed.innings(1).get("wickets").asInt()).isEqualTo(1);

            feed.undo();
            JsonNode inn = feed.innings(1);

            assertThat(feed.state()).isEqualTo(before);
            assertThat(inn.get("wickets").asInt()).isZero();
            assertThat(inn.at("/batters/2").has("out")).isFalse();
            assertThat(inn.at("/bowlers/A1/wickets").asInt()).isZero();
            assertThat(inn.get("fallOfWickets").size()).isZero();
        }

        @Test
        void successiveUndosWalkBackBallByBall() {
            Feed feed = firstInnings().ball(0, "H1", "H2", "A1", 1);
            MatchState before = feed.state();

            feed.ball(0, "H2", "H1", "A1", 2).ball(0, "H2", "H1", "A1", 3).undo().undo();

            assertThat(feed.state()).isEqualTo(before);
            assertThat(feed.innings(1).get("runs").asInt()).isEqualTo(1);
        }

        @Test
        void anUndoOfTheBallThatEndedTheInningsAndTheMatchReopensBoth() {
            Feed feed = Feed.match(20, 11).innings(HOME).ball(0, "H1", "H2", "A1", 4).endInnings()
                    .innings(AWAY).ball(0, "A1", "A2", "H1", 4);
            MatchState before = feed.state();
            feed.ball(0, "A1", "A2", "H1", 1);
            assertThat(feed.state().completed()).isTrue();

            feed.undo();

            assertThat(feed.state()).isEqualTo(before);
            assertThat(feed.view().get("status").asText()).isEqualTo("live");
            assertThat(feed.view().has("result")).isFalse();
            assertThat(feed.innings(2).has("ended")).isFalse();
        }

        @Test
        void anUndoAfterTheFeedClosedTheInningsIsRefused() {
            Feed feed = firstInnings().ball(0, "H1", "H2", "A1", 4).endInnings();

            assertThat(feed.rejectionOf(feed.undoEvent()))
                    .contains("the last delivery was followed by innings.end");
        }

        @Test
        void anUndoWithNothingToUndoIsRefused() {
            Feed feed = firstInnings().ball(0, "H1", "H2", "A1", 4).undo();

            assertThat(feed.rejectionOf(feed.undoEvent())).contains("nothing to undo");
        }
    }

    @Nested
    class Rejections {

        @Test
        void nothingBeforeTheMatchStart() {
            Feed feed = new Feed();

            assertThat(feed.rejectionOf(Feed.match(20, 11).delivery(0, "H1", "H2", "A1", 0, Extras.NONE, false,
                    List.of()))).isEqualTo("no match m1 has started");
            assertThat(feed.rejectionOf(feed.undoEvent())).isEqualTo("no match m1 has started");
        }

        @Test
        void aSecondMatchStart() {
            Feed feed = Feed.match(20, 11);

            assertThat(feed.rejectionOf(Feed.match(20, 11).events().get(0))).contains("already started");
        }

        @Test
        void aDeliveryAfterTheInningsEnded() {
            Feed feed = Feed.match(20, 3).innings(HOME)
                    .wicket(0, "H1", "H2", "A1", "bowled", "H1")
                    .wicket(0, "H3", "H2", "A1", "bowled", "H3")
                    .endInnings();

            assertThat(feed.rejectionOf(feed.delivery(0, "H2", "H1", "A1", 0, Extras.NONE, false, List.of())))
                    .isEqualTo("innings 1 of Home has ended (all out)");
        }

        @Test
        void aDeliveryBeforeAnyInnings() {
            Feed feed = Feed.match(20, 11);

            assertThat(feed.rejectionOf(feed.delivery(0, "H1", "H2", "A1", 0, Extras.NONE, false, List.of())))
                    .contains("no innings");
        }

        @Test
        void playersTheMatchStartDidNotList() {
            Feed feed = firstInnings();

            assertThat(feed.rejectionOf(feed.delivery(0, "X9", "H2", "A1", 0, Extras.NONE, false, List.of())))
                    .isEqualTo("X9 is not a player of Home");
            assertThat(feed.rejectionOf(feed.delivery(0, "H1", "H2", "H3", 0, Extras.NONE, false, List.of())))
                    .isEqualTo("H3 is not a player of Away");
        }

        @Test
        void anInningsOfASideNotPlaying() {
            Feed feed = Feed.match(20, 11);

            assertThat(feed.rejectionOf(new InningsStart("e", Feed.MATCH, Instant.EPOCH, "Elsewhere", false, null)))
                    .contains("Elsewhere is not playing");
        }

        @Test
        void theSameSideBattingTwiceInALimitedOversMatch() {
            Feed feed = firstInnings().ball(0, "H1", "H2", "A1", 1).endInnings();

            assertThat(feed.rejectionOf(new InningsStart("e", Feed.MATCH, Instant.EPOCH, HOME, false, null)))
                    .isEqualTo("Home batted in innings 1: innings 2 is Away's");
        }

        @Test
        void aTargetForTheSideBattingFirst() {
            Feed feed = Feed.match(20, 11);

            assertThat(feed.rejectionOf(new InningsStart("e", Feed.MATCH, Instant.EPOCH, HOME, false,
                    new InningsStart.Target(100, 20)))).contains("innings 1 has nothing to chase");
        }

        @Test
        void anEventOfAnotherMatch() {
            Feed feed = firstInnings();

            assertThat(feed.rejectionOf(new Delivery("e", "m2", Instant.EPOCH, 0, "H1", "A1", "H2",
                    new Delivery.Runs(0, 0, 0, false), Extras.NONE, List.of())))
                    .isEqualTo("the event is for match m2, not m1");
        }

        @Test
        void runsThatDoNotAddUp() {
            Feed feed = firstInnings();
            Delivery wrong = new Delivery("e", Feed.MATCH, Instant.EPOCH, 0, "H1", "A1", "H2",
                    new Delivery.Runs(1, 0, 3, false), Extras.NONE, List.of());

            assertThat(feed.rejectionOf(wrong)).contains("do not add up");
        }

        @Test
        void anOverNumberThatGoesBack() {
            Feed feed = firstInnings().ball(3, "H1", "H2", "A1", 0);

            assertThat(feed.rejectionOf(feed.delivery(2, "H1", "H2", "A1", 0, Extras.NONE, false, List.of())))
                    .contains("over 2 cannot follow over 3");
        }

        @Test
        void anUnknownWayOfGettingOut() {
            Feed feed = firstInnings();

            assertThat(feed.rejectionOf(feed.delivery(0, "H1", "H2", "A1", 0, Extras.NONE, false,
                    List.of(new Delivery.Wicket("bored", "H1", List.of()))))).contains("'bored'");
        }

        @Test
        void aMatchStartWithoutTwoTeamsOfPlayers() {
            MatchEvent oneTeam = new MatchStart("e", Feed.MATCH, Instant.EPOCH, List.of(HOME, AWAY),
                    Map.of(HOME, Feed.squad("H", 11)), 20, 6, null, null);

            assertThat(new Feed().rejectionOf(oneTeam)).contains("players of Away");
        }

        @Test
        void foldSaysWhichEventWasRefusedAndWhy() {
            Feed feed = firstInnings().endInnings().ball(0, "H1", "H2", "A1", 0);

            assertThatThrownBy(feed::state)
                    .isInstanceOf(EventRejectedException.class)
                    .hasMessageContaining("event at index 3 (delivery m1-4)")
                    .hasMessageContaining("innings 1 of Home has ended (all out)");
        }
    }
}
