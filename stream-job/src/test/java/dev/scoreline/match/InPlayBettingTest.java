package dev.scoreline.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.entity.Message;
import dev.scoreline.market.BettingTerms;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.wallet.event.BetRefused;
import dev.scoreline.wallet.event.BetSettled;
import dev.scoreline.wallet.event.BetTaken;
import dev.scoreline.wallet.event.BetUnsettled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorer's markets: bets taken by their place in the log, paid from the balls, taken back by a correction. */
class InPlayBettingTest {

    private static final BettingTerms TERMS = new BettingTerms(10, Duration.ofSeconds(2), 1_000_000);

    /** The scorer's fold as the job runs it: what it sends, and why it refused what it refused. */
    private static final class Run {
        final Scorer scorer = new Scorer(TERMS);
        final List<MatchEvent> history = new ArrayList<>();
        final List<Message> sent = new ArrayList<>();
        final Map<String, String> refused = new HashMap<>();
        MatchState state;
        long version;

        Run feed(List<MatchEvent> events) {
            for (MatchEvent e : events) {
                Decision<MatchState> d = scorer.apply(state, e, () -> history);
                if (d instanceof Decision.Rejected<MatchState> r) {
                    refused.put(e.eventId(), r.reason());
                    sent.addAll(scorer.refusalMessages(e, r.reason()));
                    continue;
                }
                MatchState after = ((Decision.Accepted<MatchState>) d).state();
                sent.addAll(scorer.messages(e, state, after, ++version));
                state = after;
                if (scorer.keepsInHistory(e)) {
                    history.add(e);
                }
            }
            return this;
        }

        <T> List<T> sent(Class<T> type) {
            return sent.stream().map(Message::event).filter(type::isInstance).map(type::cast).toList();
        }

        JsonNode markets() {
            return scorer.views(state).get(Channel.markets(state.matchId()));
        }
    }

    private static Feed started() {
        return Feed.match(20, 11).innings(Feed.HOME);
    }

    @Test
    void aBetOnTheNextBallIsTakenAndPaidWhenTheBallLands() {
        Feed feed = started()
                .bet("p1", "b1", "ball:1.1", "4", 100)
                .bet("p2", "b2", "ball:1.1", "4", 300)
                .bet("p3", "b3", "ball:1.1", "dot", 600)
                .ball(0, "H1", "H2", "A1", 4);

        Run run = new Run().feed(feed.events());

        assertThat(run.refused).isEmpty();
        assertThat(run.sent(BetTaken.class)).extracting(BetTaken::eventId)
                .containsExactly("act:p1:b1:taken", "act:p2:b2:taken", "act:p3:b3:taken");
        // pool 1000 less 10%: 900 shared 1:3
        assertThat(run.sent(BetSettled.class)).extracting(BetSettled::eventId, BetSettled::result, BetSettled::payout)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("act:p1:b1:settled:1", "won", 225L),
                        org.assertj.core.groups.Tuple.tuple("act:p2:b2:settled:1", "won", 675L),
                        org.assertj.core.groups.Tuple.tuple("act:p3:b3:settled:1", "lost", 0L));
        assertThat(run.sent(BetSettled.class)).extracting(BetSettled::playerId).containsExactly("p1", "p2", "p3");
        assertThat(run.state.markets().house()).isEqualTo(100);
        assertThat(run.state.markets().held()).isZero();
        JsonNode markets = run.markets();
        assertThat(markets.path("house").asLong()).isEqualTo(100);
        assertThat(markets.at("/markets/ball:1.1/status").asText()).isEqualTo("settled");
        assertThat(markets.at("/markets/ball:1.1/outcome").asText()).isEqualTo("4");
        assertThat(markets.at("/markets/ball:1.2/status").asText()).isEqualTo("open");
        assertThat(markets.at("/markets/ball:1.2/label").asText()).isEqualTo("0.2");
        assertThat(markets.toString()).doesNotContain("p1").doesNotContain("act:");
    }

    @Test
    void aBetTheLogHoldsAfterItsBallIsRefusedAndTheWalletTold() {
        Feed feed = started().ball(0, "H1", "H2", "A1", 1).bet("p1", "late", "ball:1.1", "dot", 50)
                .bet("p1", "early", "ball:1.3", "dot", 50);

        Run run = new Run().feed(feed.events());

        assertThat(run.refused.get("act:p1:late")).isEqualTo("suspended: ball 0.1 was bowled");
        assertThat(run.refused.get("act:p1:early")).startsWith("market ball:1.3 is not open yet: the next ball is ball:1.2");
        assertThat(run.sent(BetRefused.class)).extracting(BetRefused::eventId, BetRefused::bet)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("act:p1:late:refused", "act:p1:late"),
                        org.assertj.core.groups.Tuple.tuple("act:p1:early:refused", "act:p1:early"));
    }

    @Test
    void badBetsAreRefusedWithTheReason() {
        Run run = new Run().feed(started().events());
        Feed more = started();
        assertThat(reason(run, new BetPlace("act:p1:x", Feed.MATCH, more.next(), "p1", "ball:1.1", "five", 10)))
                .isEqualTo("'five' is not an outcome of ball:1.1: dot, 1, 2, 3, 4, 6, wicket, extra");
        assertThat(reason(run, new BetPlace("act:p1:x", Feed.MATCH, more.next(), "p1", "next-ball", "4", 10)))
                .startsWith("'next-ball' is not a market");
        assertThat(reason(run, new BetPlace("act:p1:x", Feed.MATCH, more.next(), "p1", "winner", "Home", 2_000_000)))
                .isEqualTo("a stake is 1 to 1000000 chips, not 2000000");
        assertThat(reason(run, new BetPlace("act:p1:x", Feed.MATCH, more.next(), "p1", "winner", "Nobody", 10)))
                .isEqualTo("'Nobody' is not an outcome of winner: Home, Away");
    }

    private static String reason(Run run, BetPlace bet) {
        Decision<MatchState> d = run.scorer.apply(run.state, bet, () -> run.history);
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<MatchState>) d).reason();
    }

    @Test
    void anUndoTakesBackWhatTheBallPaidAndTheBallBowledAgainPaysAnew() {
        Feed feed = started()
                .bet("p1", "b1", "ball:1.1", "4", 100)
                .bet("p2", "b2", "ball:1.1", "dot", 100)
                .ball(0, "H1", "H2", "A1", 4)
                .bet("p3", "b3", "ball:1.2", "dot", 100)
                .undo();
        Run run = new Run().feed(feed.events());

        assertThat(run.sent(BetUnsettled.class)).extracting(BetUnsettled::eventId, BetUnsettled::payout)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("act:p1:b1:unsettled:1", 180L),
                        org.assertj.core.groups.Tuple.tuple("act:p2:b2:unsettled:1", 0L));
        assertThat(run.state.markets().house()).as("the house gives back its cut").isZero();
        assertThat(run.state.markets().held()).as("both pools wait again").isEqualTo(300);
        assertThat(run.markets().at("/markets/ball:1.1/status").asText()).isEqualTo("open");
        assertThat(run.markets().at("/markets/ball:1.2/status").asText()).isEqualTo("waiting");

        Feed again = new Feed();
        again.add(new BetPlace("act:p4:b4", Feed.MATCH, feed.next().minusSeconds(30), "p4", "ball:1.1", "dot", 200));
        run.feed(again.events());
        Delivery dot = feed.delivery(0, "H1", "H2", "A1", 0, Delivery.Extras.NONE, false, List.of());
        run.feed(List.of(dot));

        List<BetSettled> second = run.sent(BetSettled.class).stream().filter(s -> s.round() == 2).toList();
        // pool 400 less 10%: 360 to p2 (100) and p4 (200)
        assertThat(second).extracting(BetSettled::bet, BetSettled::payout).containsExactly(
                org.assertj.core.groups.Tuple.tuple("act:p1:b1", 0L),
                org.assertj.core.groups.Tuple.tuple("act:p2:b2", 120L),
                org.assertj.core.groups.Tuple.tuple("act:p4:b4", 240L));
        assertThat(run.state.markets().house()).isEqualTo(40);
        assertThat(run.state.markets().held()).as("ball 1.2 is open now, its bet waits").isEqualTo(100);
    }

    @Test
    void theOverMarketClosesAtItsFirstBallAndIsDecidedWhenTheNextOverBegins() {
        Feed feed = started()
                .bet("p1", "low", "over:1.0", "0-4", 100)
                .bet("p2", "mid", "over:1.0", "5-8", 100)
                .ball(0, "H1", "H2", "A1", 4)
                .bet("p3", "too-late", "over:1.0", "5-8", 100)
                .bet("p3", "next", "over:1.1", "13+", 100)
                .ball(0, "H1", "H2", "A1", 1)
                .dots(4, 0, "H2", "H1", "A1");
        Run run = new Run().feed(feed.events());

        assertThat(run.refused.get("act:p3:too-late")).isEqualTo("suspended: over 1 is being bowled");
        assertThat(run.sent(BetSettled.class)).isEmpty();
        assertThat(run.markets().at("/markets/over:1.0/status").asText()).isEqualTo("suspended");

        run.feed(started().events().subList(0, 0));
        Feed next = new Feed();
        next.add(feed.delivery(1, "H2", "H1", "A2", 6, Delivery.Extras.NONE, false, List.of()));
        run.feed(next.events());

        assertThat(run.sent(BetSettled.class)).extracting(BetSettled::bet, BetSettled::outcome, BetSettled::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("act:p1:low", "5-8", "lost"),
                        org.assertj.core.groups.Tuple.tuple("act:p2:mid", "5-8", "won"));
        assertThat(run.markets().at("/markets/over:1.1/status").asText()).isEqualTo("suspended");
        assertThat(run.markets().at("/markets/over:1.2/status").asText()).isEqualTo("open");
    }

    @Test
    void theWinnerMarketPaysOnTheResultAndReturnsEveryStakeOnATie() {
        Feed won = Feed.match(1, 2, 1).innings(Feed.HOME).ball(0, "H1", "H2", "A1", 4)
                .bet("p1", "home", "winner", Feed.HOME, 100).bet("p2", "away", "winner", Feed.AWAY, 100)
                .innings(Feed.AWAY).ball(0, "A1", "A2", "H1", 2);
        Run run = new Run().feed(won.events());
        assertThat(run.state.completed()).isTrue();
        assertThat(run.sent(BetSettled.class)).extracting(BetSettled::bet, BetSettled::payout)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("act:p1:home", 180L),
                        org.assertj.core.groups.Tuple.tuple("act:p2:away", 0L));
        assertThat(reason(run, new BetPlace("act:p3:x", Feed.MATCH, won.next(), "p3", "winner", Feed.HOME, 10)))
                .startsWith("the match is decided");

        Feed tied = Feed.match(1, 2, 1).innings(Feed.HOME).ball(0, "H1", "H2", "A1", 4)
                .bet("p1", "home", "winner", Feed.HOME, 100).bet("p2", "away", "winner", Feed.AWAY, 100)
                .innings(Feed.AWAY).ball(0, "A1", "A2", "H1", 4).endMatch(null, null);
        Run tie = new Run().feed(tied.events());
        assertThat(tie.refused).isEmpty();
        assertThat(tie.sent(BetSettled.class)).extracting(BetSettled::result, BetSettled::payout)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("returned", 100L),
                        org.assertj.core.groups.Tuple.tuple("returned", 100L));
        assertThat(tie.state.markets().house()).isZero();
        assertThat(tie.state.markets().holdsBets()).isFalse();
    }

    @Test
    void aBetWithinTheDelayBeforeItsBallIsReturnedNotPlayed() {
        Feed feed = started();
        Feed bets = new Feed();
        bets.add(new BetPlace("act:p1:seen-it", Feed.MATCH, feed.next().plusSeconds(39), "p1", "ball:1.1", "6", 100));
        bets.add(new BetPlace("act:p2:fair", Feed.MATCH, feed.next().plusSeconds(30), "p2", "ball:1.1", "dot", 100));
        Run run = new Run().feed(feed.events()).feed(bets.events());
        feed.tick();
        run.feed(List.of(feed.delivery(0, "H1", "H2", "A1", 6, Delivery.Extras.NONE, false, List.of())));

        assertThat(run.sent(BetSettled.class)).extracting(BetSettled::bet, BetSettled::result, BetSettled::payout)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("act:p1:seen-it", "returned", 100L),
                        org.assertj.core.groups.Tuple.tuple("act:p2:fair", "returned", 100L));
        assertThat(run.sent(BetSettled.class).get(1).why()).isEqualTo("nobody backed 6");
    }

    @Test
    void betsStayOutOfTheHistoryAnUndoFoldsAgainAndNeverStopAnUndo() {
        Scorer scorer = new Scorer(TERMS);
        Feed feed = started().ball(0, "H1", "H2", "A1", 1).bet("p1", "b", "ball:1.2", "dot", 5).undo();
        Run run = new Run().feed(feed.events());

        assertThat(run.history).noneMatch(BetPlace.class::isInstance);
        assertThat(scorer.keepsInHistory(feed.events().get(0))).isTrue();
        assertThat(run.refused).isEmpty();
        assertThat(run.state.innings().get(0).runs()).isZero();
        assertThat(scorer.mayForget(run.state)).as("a bet waits on ball 1.2").isFalse();
    }

    @Test
    void theNextInningsLeavesWhatTheLastOneDecidedAsItWas() {
        Feed feed = Feed.match(1, 3, 2).innings(Feed.HOME)
                .bet("p1", "over", "over:1.0", "5-8", 100)
                .bet("p1", "first", "ball:1.1", "4", 100)
                .ball(0, "H1", "H2", "A1", 4)
                .bet("p2", "second", "ball:1.2", "1", 100)
                .bet("p2", "third", "ball:1.3", "dot", 100);
        Run run = new Run().feed(feed.events());
        run.feed(List.of(feed.delivery(0, "H1", "H2", "A1", 1, Delivery.Extras.NONE, false, List.of())));
        assertThat(run.state.lastInnings().inPlay()).as("two balls an over, one over").isFalse();
        Feed next = new Feed();
        next.add(new dev.scoreline.match.event.InningsStart("m1-i2", Feed.MATCH, feed.next(), Feed.AWAY, false, null));
        run.feed(next.events());

        assertThat(run.sent(BetUnsettled.class)).isEmpty();
        assertThat(run.sent(BetSettled.class)).extracting(BetSettled::bet, BetSettled::result)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("act:p1:first", "won"),
                        org.assertj.core.groups.Tuple.tuple("act:p2:second", "won"),
                        org.assertj.core.groups.Tuple.tuple("act:p1:over", "won"));
        assertThat(run.refused.get("act:p2:third")).startsWith("market ball:1.3 is not open yet");
        assertThat(run.state.markets().holdsBets()).isFalse();
        assertThat(run.state.markets().settled()).as("final once the next innings starts").isEmpty();
    }
}
