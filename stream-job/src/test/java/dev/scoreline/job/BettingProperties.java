package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.action.Verdict;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.market.Markets;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.wallet.BetLedger;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.BetRequest;
import dev.scoreline.wallet.event.Credit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random interleavings of balls, bets (on the ball and the over to come, on balls already bowled or
 * not yet open, on the winner), undos, retries, redeliveries of any message one entity sent another
 * and restarts, through the job's keyed function on wallets and a match ({@link Economy}). Once the
 * topics are quiet after every step the books balance and every stake is answered; no bet is ever
 * paid twice (settlements less those taken back); and, checked against the order of the match's own
 * input, no bet was taken after the ball it was for. At the end the match ends and every bet taken
 * is settled exactly once.
 */
class BettingProperties {

    private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");
    private static final List<String> PLAYERS = List.of("ann", "bob", "cy");
    private static final List<String> HOME = List.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final List<String> AWAY = List.of("a1", "a2", "a3", "a4", "a5", "a6");

    enum Kind { NEXT_BALL, NEXT_OVER, WINNER, STALE_BALL, FUTURE_BALL, RETRY, BALL, UNDO, REDELIVER, RESTART, CREDIT }

    record Step(Kind kind, int player, int outcome, long stake, int n) {}

    record Before(int overs, int legalInOver, int wickets, int nextBatter, String striker, String nonStriker) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(Kind.NEXT_BALL)),
                Tuple.of(3, Arbitraries.just(Kind.NEXT_OVER)),
                Tuple.of(2, Arbitraries.just(Kind.WINNER)),
                Tuple.of(1, Arbitraries.just(Kind.STALE_BALL)),
                Tuple.of(1, Arbitraries.just(Kind.FUTURE_BALL)),
                Tuple.of(2, Arbitraries.just(Kind.RETRY)),
                Tuple.of(8, Arbitraries.just(Kind.BALL)),
                Tuple.of(3, Arbitraries.just(Kind.UNDO)),
                Tuple.of(3, Arbitraries.just(Kind.REDELIVER)),
                Tuple.of(1, Arbitraries.just(Kind.RESTART)),
                Tuple.of(1, Arbitraries.just(Kind.CREDIT)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, PLAYERS.size() - 1),
                        Arbitraries.integers().between(0, 9), Arbitraries.longs().between(1, 400),
                        Arbitraries.integers().between(0, 1_000))
                .as(Step::new).list().ofMinSize(10).ofMaxSize(60);
    }

    /** What the test keeps of the match to name markets; the job's view is never consulted. */
    private static final class Script {
        int bowled;
        int overs;
        int legalInOver;
        /** The script as it was before each ball that stands, for an undo to go back to. */
        final List<Before> before = new ArrayList<>();
        int seconds = 10;
        int wickets;
        int nextBatter = 3;
        String striker = "h1";
        String nonStriker = "h2";
        int bets;
        final List<BetRequest> placed = new ArrayList<>();

        Instant tick() {
            seconds += 10;
            return T0.plusSeconds(seconds);
        }
    }

    @Property(tries = 30)
    void theBooksBalanceNoBetIsPaidTwiceAndNoneIsTakenAfterItsBall(@ForAll("steps") List<Step> steps) throws Exception {
        Script s = new Script();
        long issued = 0;
        try (Economy economy = new Economy()) {
            economy.send(new MatchStart("m1:start", "m1", T0, List.of("Home", "Away"),
                    Map.of("Home", HOME, "Away", AWAY), 20, 6, "Ground", null));
            economy.send(new InningsStart("m1:i1", "m1", T0.plusSeconds(1), "Home", false, null));
            for (String p : PLAYERS) {
                economy.send(new Credit("credit:" + p, p, T0, 1_000, "purchase"));
                issued += 1_000;
            }
            economy.quiet();
            for (Step step : steps) {
                issued += apply(economy, s, step);
                economy.quiet();
                assertQuietBooks(economy, issued, step);
                assertThat(economy.deadLetters()).as("the script's feed is valid").isEmpty();
                assertNoBetPaidTwice(economy, false);
            }
            economy.send(new MatchEnd("m1:end", "m1", s.tick(), MatchEnd.NO_RESULT, null));
            economy.quiet();
            Books.Totals end = assertQuietBooks(economy, issued, null);
            assertThat(end.staked()).as("every market is decided once the match ends").isZero();
            assertNoBetPaidTwice(economy, true);
            assertNoBetTakenAfterItsBall(economy);
            Statistics.label("taken back").collect(economy.changeLog().stream()
                    .anyMatch(e -> e.eventType().equals("bet.unsettled")));
            Statistics.label("won").collect(economy.changeLog().stream()
                    .anyMatch(e -> e.eventType().equals("bet.settled") && e.event().path("result").asText().equals("won")));
            Statistics.label("refused after its ball").collect(economy.verdicts().stream()
                    .anyMatch(v -> !v.accepted() && v.reason().startsWith("suspended")));
        }
        Statistics.label("taken back").coverage(c -> c.check(true).percentage(p -> p >= 20));
        Statistics.label("won").coverage(c -> c.check(true).percentage(p -> p >= 25));
        Statistics.label("refused after its ball").coverage(c -> c.check(true).percentage(p -> p >= 20));
    }

    private static long apply(Economy economy, Script s, Step step) throws Exception {
        String player = PLAYERS.get(step.player());
        switch (step.kind()) {
            case NEXT_BALL -> bet(economy, s, player, "ball:1." + (s.bowled + 1),
                    Markets.BALL_OUTCOMES.get(step.outcome() % 8), step.stake());
            case NEXT_OVER -> bet(economy, s, player, "over:1." + (s.overs + (s.legalInOver == 0 && s.bowled == 0 ? 0 : 1)),
                    Markets.OVER_BANDS.get(step.outcome() % 4), step.stake());
            case WINNER -> bet(economy, s, player, "winner", step.outcome() % 2 == 0 ? "Home" : "Away", step.stake());
            case STALE_BALL -> bet(economy, s, player, "ball:1." + Math.max(1, s.bowled), "dot", step.stake());
            case FUTURE_BALL -> bet(economy, s, player, "ball:1." + (s.bowled + 3), "dot", step.stake());
            case RETRY -> {
                if (!s.placed.isEmpty()) {
                    economy.send(s.placed.get(step.n() % s.placed.size()));
                }
            }
            case BALL -> ball(economy, s, step.outcome());
            case UNDO -> {
                if (s.bowled > 0) {
                    economy.send(new DeliveryUndo("m1:undo:" + s.seconds, "m1", s.tick()));
                    Before b = s.before.remove(s.before.size() - 1);
                    s.bowled--;
                    s.overs = b.overs();
                    s.legalInOver = b.legalInOver();
                    s.wickets = b.wickets();
                    s.nextBatter = b.nextBatter();
                    s.striker = b.striker();
                    s.nonStriker = b.nonStriker();
                }
            }
            case REDELIVER -> economy.redeliverMessage(step.n());
            case RESTART -> economy.restart();
            case CREDIT -> {
                economy.send(new Credit("credit:" + player + ":" + s.seconds, player, s.tick(), step.stake(), "bonus"));
                return step.stake();
            }
        }
        return 0;
    }

    private static void bet(Economy economy, Script s, String player, String market, String outcome, long stake)
            throws Exception {
        BetRequest bet = new BetRequest("act:" + player + ":b" + ++s.bets, player, s.tick(), "m1", market, outcome,
                stake);
        s.placed.add(bet);
        economy.send(bet);
    }

    /** A ball of the over in play (a new over after six legal ones): runs, a wicket or a wide by {@code kind}. */
    private static void ball(Economy economy, Script s, int kind) throws Exception {
        s.before.add(new Before(s.overs, s.legalInOver, s.wickets, s.nextBatter, s.striker, s.nonStriker));
        if (s.legalInOver == 6) {
            s.overs++;
            s.legalInOver = 0;
        }
        boolean wide = kind == 9;
        int runs = kind >= 7 ? 0 : kind == 5 ? 6 : kind;
        boolean out = kind == 8 && s.wickets < 4;
        s.bowled++;
        if (!wide) {
            s.legalInOver++;
        }
        Delivery d = new Delivery("m1:ball:" + s.seconds, "m1", s.tick(), s.overs, s.striker, "a" + (1 + s.overs % 3),
                s.nonStriker, new Delivery.Runs(runs, wide ? 1 : 0, runs + (wide ? 1 : 0), false),
                wide ? new Delivery.Extras(1, 0, 0, 0, 0) : null,
                out ? List.of(new Delivery.Wicket("bowled", s.striker, List.of())) : null);
        if (out) {
            s.wickets++;
            s.striker = "h" + s.nextBatter++;
        }
        economy.send(d);
    }

    private static Books.Totals assertQuietBooks(Economy economy, long issued, Step after) {
        Books.Totals books = economy.books();
        assertThat(books.issued()).as("after %s", after).isEqualTo(issued);
        assertThat(books.held()).as("after %s: %s", after, books).isEqualTo(issued);
        assertThat(books.reserved()).as("after %s: every stake answered", after).isZero();
        return books;
    }

    /** Per bet: the settlements the wallets took less those taken back, never above one (exactly one at the end). */
    private static void assertNoBetPaidTwice(Economy economy, boolean everyOneOnce) {
        BetLedger ledger = BetLedger.of(economy.changeLog(), player -> true);
        ledger.standing().forEach((bet, n) -> assertThat(n).as("settlements standing of %s", bet).isBetween(0, 1));
        if (everyOneOnce) {
            for (String bet : ledger.taken()) {
                assertThat(ledger.standing(bet)).as("settlements standing of %s", bet).isEqualTo(1);
            }
        }
    }

    /**
     * Walks the match's input in order, counting the deliveries that stand (an undo takes one back),
     * and finds each bet the verdicts say was taken at its first place in the log: a bet on a ball
     * must come when that ball is the next, on an over before its first ball.
     */
    private static void assertNoBetTakenAfterItsBall(Economy economy) {
        Set<String> accepted = new HashSet<>();
        for (Verdict v : economy.verdicts()) {
            if (v.accepted()) {
                accepted.add(v.eventId());
            }
        }
        for (ChangeLogEntry e : economy.changeLog()) {
            if (e.kind().equals("match")) {
                accepted.add(e.eventId());
            }
        }
        Set<String> seen = new HashSet<>();
        List<Integer> overs = new ArrayList<>();
        for (MatchEvent e : economy.matchLog()) {
            if (!seen.add(e.eventId())) {
                continue;
            }
            if (e instanceof Delivery d && accepted.contains(d.eventId())) {
                overs.add(d.over());
            } else if (e instanceof DeliveryUndo && accepted.contains(e.eventId())) {
                overs.remove(overs.size() - 1);
            } else if (e instanceof BetPlace b && accepted.contains(b.eventId()) && b.market().startsWith("ball:")) {
                assertThat(Integer.parseInt(b.market().substring("ball:1.".length())))
                        .as("%s taken with %d balls bowled", b.eventId(), overs.size()).isEqualTo(overs.size() + 1);
            } else if (e instanceof BetPlace b && accepted.contains(b.eventId()) && b.market().startsWith("over:")) {
                int over = Integer.parseInt(b.market().substring("over:1.".length()));
                assertThat(overs).as("%s taken after a ball of its over", b.eventId()).doesNotContain(over);
            }
        }
    }
}
