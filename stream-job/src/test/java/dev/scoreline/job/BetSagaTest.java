package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.action.Verdict;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.BetRequest;
import dev.scoreline.wallet.event.Credit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bet across the wallet and the match, in the job's keyed function on both sides: the stake is
 * reserved by the wallet and passed on to the match's own input, which answers the player and the
 * wallet; the ball pays; an undo takes the payout back; a retry or a redelivered message moves no
 * chip twice; and the books balance after every step.
 */
class BetSagaTest {

    private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");
    private static final List<String> HOME = List.of("h1", "h2", "h3");
    private static final List<String> AWAY = List.of("a1", "a2", "a3");

    private Economy economy;
    private int balls;

    @BeforeEach
    void open() throws Exception {
        economy = new Economy();
        economy.send(new MatchStart("m1-start", "m1", T0, List.of("Home", "Away"), Map.of("Home", HOME, "Away", AWAY),
                20, 6, "Ground", null));
        economy.send(new InningsStart("m1-i1", "m1", T0.plusSeconds(1), "Home", false, null));
        economy.send(new Credit("credit:o-ann", "ann", T0, 1_000, "purchase"));
        economy.send(new Credit("credit:o-bob", "bob", T0, 300, "purchase"));
        economy.quiet();
    }

    @AfterEach
    void close() throws Exception {
        economy.close();
    }

    private BetRequest bet(String player, String action, String market, String outcome, long stake) {
        return new BetRequest("act:" + player + ":" + action, player, T0.plusSeconds(10 + balls * 30), "m1", market,
                outcome, stake);
    }

    /** The next ball, 30 s after the last, with {@code runs} off the bat. */
    private void ball(int runs) throws Exception {
        balls++;
        economy.send(new Delivery("m1-ball-" + balls, "m1", T0.plusSeconds(30L * balls), 0, "h1", "a1", "h2",
                new Delivery.Runs(runs, 0, runs, false), null, null));
    }

    private Verdict lastVerdict(String actionId) {
        List<Verdict> of = economy.verdicts().stream().filter(v -> v.actionId().equals(actionId)).toList();
        assertThat(of).as("a verdict on %s", actionId).isNotEmpty();
        return of.get(of.size() - 1);
    }

    private Books.Totals assertBalanced() {
        assertThat(economy.deadLetters()).as("nothing refused outright").isEmpty();
        Books.Totals books = economy.books();
        assertThat(books.issued()).isEqualTo(1_300);
        assertThat(books.held()).as("%s", books).isEqualTo(1_300);
        assertThat(books.reserved()).as("every stake answered").isZero();
        return books;
    }

    @Test
    void aBetIsReservedTakenByTheMatchAndPaidWhenItsBallLands() throws Exception {
        economy.send(bet("ann", "b1", "ball:1.1", "4", 100));
        economy.send(bet("bob", "b1", "ball:1.1", "dot", 100));
        economy.quiet();

        Verdict v = lastVerdict("b1");
        assertThat(economy.verdicts().stream().filter(x -> x.playerId().equals("ann")).toList())
                .as("one verdict, the match's").hasSize(1);
        assertThat(v.accepted()).isTrue();
        assertThat(v.channel()).isEqualTo("match:m1");
        assertThat(assertBalanced().staked()).isEqualTo(200);

        ball(4);
        economy.quiet();

        Books.Totals books = assertBalanced();
        assertThat(books.staked()).isZero();
        // pool 200 less 5%: 190 to Ann, 10 to the house
        assertThat(books.house()).isEqualTo(10);
        assertThat(books.balances()).isEqualTo(1_300 - 10);
    }

    @Test
    void aStakeAboveTheBalanceIsRefusedByTheWalletNamingTheMatch() throws Exception {
        economy.send(bet("bob", "big", "winner", "Home", 500));
        economy.quiet();

        Verdict v = lastVerdict("big");
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("balance 300 is less than the stake 500");
        assertThat(v.channel()).isEqualTo("match:m1");
        assertBalanced();
    }

    @Test
    void aBetAfterItsBallIsRefusedByTheMatchAndTheStakeReleased() throws Exception {
        ball(1);
        economy.send(bet("ann", "late", "ball:1.1", "1", 100));
        economy.quiet();

        Verdict v = lastVerdict("late");
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("suspended: ball 0.1 was bowled");
        assertThat(assertBalanced().balances()).isEqualTo(1_300);
    }

    @Test
    void anUndoTakesThePayoutBackAndTheBallBowledAgainPaysTheOthers() throws Exception {
        economy.send(bet("ann", "b1", "ball:1.1", "4", 100));
        economy.send(bet("bob", "b1", "ball:1.1", "dot", 100));
        economy.quiet();
        ball(4);
        economy.quiet();
        economy.send(new DeliveryUndo("m1-undo", "m1", T0.plusSeconds(40)));
        economy.quiet();

        Books.Totals undone = assertBalanced();
        assertThat(undone.staked()).as("both stakes are the match's again").isEqualTo(200);
        assertThat(undone.house()).isZero();
        assertThat(undone.balances()).isEqualTo(1_100);

        balls = 1;
        economy.send(new Delivery("m1-ball-again", "m1", T0.plusSeconds(60), 0, "h1", "a1", "h2",
                new Delivery.Runs(0, 0, 0, false), null, null));
        economy.quiet();

        Books.Totals books = assertBalanced();
        assertThat(books.house()).isEqualTo(10);
        assertThat(books.staked()).isZero();
    }

    @Test
    void everyMessageDeliveredAgainAndARetryMoveNoChip() throws Exception {
        economy.send(bet("ann", "b1", "ball:1.1", "4", 100));
        economy.send(bet("bob", "b1", "ball:1.1", "dot", 100));
        economy.quiet();
        economy.send(bet("ann", "b1", "ball:1.1", "4", 100));
        ball(4);
        economy.quiet();
        Books.Totals before = assertBalanced();
        int messages = economy.messages().size();

        for (int i = 0; i < messages; i++) {
            economy.redeliverMessage(i);
        }
        economy.quiet();

        Books.Totals after = assertBalanced();
        assertThat(after.balances()).isEqualTo(before.balances());
        assertThat(after.house()).isEqualTo(before.house());
        assertThat(economy.verdicts().stream().filter(v -> v.playerId().equals("ann")).map(Verdict::accepted))
                .as("the retry and the copies are answered as the bet was").containsOnly(true);
    }

    @Test
    void bothSidesRestartFromASnapshotAndGoOn() throws Exception {
        economy.send(bet("ann", "b1", "over:1.0", "5-8", 100));
        economy.send(bet("bob", "b1", "over:1.0", "0-4", 100));
        economy.quiet();
        economy.restart();
        for (int i = 0; i < 6; i++) {
            ball(1);
        }
        economy.restart();
        economy.send(new Delivery("m1-over-2", "m1", T0.plusSeconds(400), 1, "h1", "a2", "h2",
                new Delivery.Runs(0, 0, 0, false), null, null));
        economy.quiet();

        Books.Totals books = assertBalanced();
        assertThat(books.staked()).isZero();
        assertThat(books.house()).isEqualTo(10);
        assertThat(lastVerdict("b1").accepted()).isTrue();
    }
}
