package dev.scoreline.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.entity.Message;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.BetRefused;
import dev.scoreline.wallet.event.BetRequest;
import dev.scoreline.wallet.event.BetSettled;
import dev.scoreline.wallet.event.BetTaken;
import dev.scoreline.wallet.event.BetUnsettled;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.Debit;
import dev.scoreline.wallet.event.SeatRefused;
import dev.scoreline.wallet.event.SeatTaken;
import dev.scoreline.wallet.event.SitRequest;
import dev.scoreline.wallet.event.StackReturn;
import dev.scoreline.wallet.event.WalletEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wallet's own rules, event by event: credits, debits, a buy-in's reservation and its three endings. */
class WalletRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    private final WalletRules rules = new WalletRules();

    private WalletState fold(WalletState state, WalletEvent... events) {
        for (WalletEvent e : events) {
            Decision<WalletState> d = rules.apply(state, e, List::of);
            assertThat(d).as("%s", e).isInstanceOf(Decision.Accepted.class);
            state = ((Decision.Accepted<WalletState>) d).state();
        }
        return state;
    }

    private String refusal(WalletState state, WalletEvent e) {
        Decision<WalletState> d = rules.apply(state, e, List::of);
        assertThat(d).as("%s", e).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<WalletState>) d).reason();
    }

    private static Credit credit(String id, long chips) {
        return new Credit(id, "p7", T0, chips, "purchase");
    }

    private static SitRequest sit(String id, String table, long chips) {
        return new SitRequest(id, "p7", T0.plusSeconds(1), table, 3, chips);
    }

    @Test
    void aCreditOpensTheWalletAndADebitTakesChipsOut() {
        WalletState w = fold(null, credit("credit:o-1", 1_000), new Debit("debit:c-1", "p7", T0, 300, "cash-out"));

        assertThat(w.balance()).isEqualTo(700);
        assertThat(w.credited()).isEqualTo(1_000);
        assertThat(w.debited()).isEqualTo(300);
        assertThat(w.recent()).extracting(WalletState.Movement::kind, WalletState.Movement::chips,
                        WalletState.Movement::balance, WalletState.Movement::cause)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("credit", 1_000L, 1_000L, "purchase"),
                        org.assertj.core.groups.Tuple.tuple("debit", -300L, 700L, "cash-out"));
    }

    @Test
    void aDebitAboveTheBalanceIsRefusedWithBoth() {
        WalletState w = fold(null, credit("credit:o-1", 120));
        assertThat(refusal(w, new Debit("debit:c-1", "p7", T0, 500, "cash-out")))
                .isEqualTo("balance 120 is less than the debit of 500");
    }

    @Test
    void aBuyInAboveTheBalanceIsRefusedWithBoth() {
        WalletState w = fold(null, credit("credit:o-1", 120));
        assertThat(refusal(w, sit("act:p7:a-1", "demo-1", 500))).isEqualTo("balance 120 is less than the buy-in 500");
        assertThat(refusal(null, sit("act:p7:a-1", "demo-1", 500)))
                .as("a player without a wallet has one with nothing in it")
                .isEqualTo("balance 0 is less than the buy-in 500");
    }

    @Test
    void aBuyInIsReservedAndPassedOnToTheTableUnderItsOwnId() {
        WalletState w = fold(null, credit("credit:o-1", 1_000), sit("act:p7:a-1", "demo-1", 400));

        assertThat(w.balance()).isEqualTo(600);
        assertThat(w.reserved()).isEqualTo(400);
        assertThat(w.reservations()).containsEntry("act:p7:a-1", new WalletState.Reservation("demo-1", 3, 400));
        Message forward = rules.forward(sit("act:p7:a-1", "demo-1", 400));
        assertThat(forward.topic()).isEqualTo(Topic.TABLE_EVENTS);
        assertThat(forward.key()).isEqualTo("demo-1");
        assertThat(forward.event()).isEqualTo(
                new PlayerSit("act:p7:a-1", "demo-1", T0.plusSeconds(1), "p7", 3, 400, true));
        assertThat(rules.actedOn(sit("act:p7:a-1", "demo-1", 400))).as("the verdict names the table acted on")
                .isEqualTo(Channel.table("demo-1"));
        assertThat(rules.forward(credit("credit:o-2", 5))).as("a credit is the wallet's own").isNull();
    }

    @Test
    void aTakenSeatMovesTheReservationToTheTableAndTheStackComesBack() {
        WalletState w = fold(null, credit("credit:o-1", 1_000), sit("act:p7:a-1", "demo-1", 400),
                new SeatTaken("act:p7:a-1:seated", "p7", T0, "demo-1", "act:p7:a-1", 400));
        assertThat(w.balance()).isEqualTo(600);
        assertThat(w.reservations()).isEmpty();
        assertThat(w.tables()).containsEntry("demo-1", 400L);
        assertThat(rules.mayForget(w)).as("chips at a table").isFalse();

        w = fold(w, new StackReturn("demo-1@40:p7", "p7", T0, "demo-1", 950));
        assertThat(w.balance()).as("what the seat held, won or lost").isEqualTo(1_550);
        assertThat(w.tables()).isEmpty();
        assertThat(w.credited() - w.debited()).isEqualTo(1_000);
        assertThat(refusal(w, new StackReturn("demo-1@40:p7", "p7", T0, "demo-1", 950)))
                .as("a copy after the job forgot the id").isEqualTo("the player has no chips at table demo-1 to come back");
    }

    @Test
    void aRefusedSeatReleasesTheReservationWithTheTablesReason() {
        WalletState w = fold(null, credit("credit:o-1", 1_000), sit("act:p7:a-1", "demo-1", 400),
                new SeatRefused("act:p7:a-1:refused", "p7", T0, "demo-1", "act:p7:a-1", "seat 3 is taken by ann"));

        assertThat(w.balance()).isEqualTo(1_000);
        assertThat(w.reservations()).isEmpty();
        assertThat(w.recent().get(w.recent().size() - 1)).extracting(WalletState.Movement::kind,
                WalletState.Movement::chips, WalletState.Movement::cause)
                .containsExactly("released", 400L, "seat 3 is taken by ann");
    }

    @Test
    void anAnswerForNoWaitingBuyInIsRefused() {
        WalletState w = fold(null, credit("credit:o-1", 1_000));
        assertThat(refusal(w, new SeatTaken("x:seated", "p7", T0, "demo-1", "x", 400)))
                .isEqualTo("no buy-in x at table demo-1 is waiting");
        assertThat(refusal(w, new SeatRefused("x:refused", "p7", T0, "demo-1", "x", "no")))
                .isEqualTo("no buy-in x at table demo-1 is waiting");
    }

    @Test
    void anEventOfAnotherPlayerOrWithoutItsMembersIsRefused() {
        WalletState w = fold(null, credit("credit:o-1", 1_000));
        assertThat(refusal(w, new Credit("credit:o-2", "ann", T0, 5, "bonus")))
                .isEqualTo("an event of player ann reached the wallet of p7");
        assertThat(refusal(w, new Credit("credit:o-2", "p7", T0, 5, null))).isEqualTo("wallet.credit has no cause");
        assertThat(refusal(w, new Credit("credit:o-2", "p7", T0, 0, "bonus")))
                .isEqualTo("a credit is 1 to 1000000000000 chips, not 0");
    }

    @Test
    void theChannelIsThePlayersOwnAndShowsTheLatestMovementsByNumber() {
        WalletState w = null;
        for (int i = 1; i <= WalletRules.RECENT + 5; i++) {
            w = fold(w, credit("credit:o-" + i, i));
        }
        JsonNode view = rules.views(w).get(Channel.player("p7"));
        assertThat(rules.views(w)).containsOnlyKeys(Channel.player("p7"));
        assertThat(Channel.player("p7").isPrivate()).isTrue();
        assertThat(view.path("movements").size()).isEqualTo(WalletRules.RECENT);
        assertThat(view.path("movements").has("6")).isTrue();
        assertThat(view.path("movements").has("5")).as("scrolled out").isFalse();
        assertThat(view.path("balance").asLong()).isEqualTo(25 * 26 / 2);
        assertThat(view.path("movements").path("25").path("kind").asText()).isEqualTo("credit");
    }

    @Test
    void anEmptyWalletMayBeForgottenAndOneHoldingChipsNot() {
        WalletState w = fold(null, credit("credit:o-1", 10));
        assertThat(rules.mayForget(w)).isFalse();
        w = fold(w, new Debit("debit:c-1", "p7", T0, 10, "cash-out"));
        assertThat(rules.mayForget(w)).isTrue();
    }

    private static BetRequest bet(String id, long stake) {
        return new BetRequest(id, "p7", T0.plusSeconds(2), "m1", "ball:1.7", "4", stake);
    }

    private static BetSettled settled(String bet, int round, String result, long payout) {
        return new BetSettled(bet + ":settled:" + round, "p7", T0.plusSeconds(30), "m1", bet, round, "ball:1.7", "4",
                result, 100, payout, null);
    }

    @Test
    void aStakeIsReservedAndPassedOnToTheMatchUnderItsOwnIdAndARefusalNamesTheMatch() {
        WalletState w = fold(null, credit("credit:o-1", 150), bet("act:p7:b1", 100));

        assertThat(w.balance()).isEqualTo(50);
        assertThat(w.reserved()).isEqualTo(100);
        Message forward = rules.forward(bet("act:p7:b1", 100));
        assertThat(forward.topic()).isEqualTo(Topic.MATCH_EVENTS);
        assertThat(forward.event()).isEqualTo(new BetPlace("act:p7:b1", "m1", T0.plusSeconds(2), "p7", "ball:1.7", "4",
                100));
        assertThat(forward.key()).isEqualTo("m1");
        assertThat(refusal(w, bet("act:p7:b2", 60))).isEqualTo("balance 50 is less than the stake 60");
        assertThat(rules.actedOn(bet("act:p7:b2", 60))).isEqualTo(Channel.match("m1"));
    }

    @Test
    void aTakenBetIsTheMatchsUntilSettledAndARefusedOneComesBack() {
        WalletState w = fold(null, credit("credit:o-1", 300), bet("act:p7:b1", 100), bet("act:p7:b2", 100),
                new BetTaken("act:p7:b1:taken", "p7", T0, "m1", "act:p7:b1", 100),
                new BetRefused("act:p7:b2:refused", "p7", T0, "m1", "act:p7:b2", "suspended: ball 1.6 was bowled"));

        assertThat(w.balance()).isEqualTo(200);
        assertThat(w.reserved()).as("the taken stake is the match's").isZero();
        assertThat(w.bets()).containsOnlyKeys("act:p7:b1");
        assertThat(w.recent().get(w.recent().size() - 1).cause()).isEqualTo("suspended: ball 1.6 was bowled");
        assertThat(rules.mayForget(fold(w, new Debit("debit:all", "p7", T0, 200, "cash-out"))))
                .as("a bet is open").isFalse();

        WalletState paid = fold(w, settled("act:p7:b1", 1, "won", 340));
        assertThat(paid.balance()).isEqualTo(540);
        assertThat(paid.bets()).isEmpty();
        assertThat(paid.recent().get(paid.recent().size() - 1).kind()).isEqualTo("won");
        assertThat(refusal(paid, settled("act:p7:b1", 2, "won", 340))).isEqualTo("no bet act:p7:b1 on match m1 is open");
    }

    @Test
    void aCorrectionTakesThePayoutBackEvenBelowZeroAndTheWalletThenRefusesStakes() {
        WalletState w = fold(null, credit("credit:o-1", 100), bet("act:p7:b1", 100),
                new BetTaken("act:p7:b1:taken", "p7", T0, "m1", "act:p7:b1", 100), settled("act:p7:b1", 1, "won", 500),
                new Debit("debit:c-1", "p7", T0, 450, "cash-out"),
                new BetUnsettled("act:p7:b1:unsettled:1", "p7", T0, "m1", "act:p7:b1", 1, "ball:1.7", 100, 500));

        assertThat(w.balance()).isEqualTo(-450);
        assertThat(w.bets()).containsKey("act:p7:b1");
        assertThat(w.recent().get(w.recent().size() - 1).kind()).isEqualTo("taken back");
        assertThat(refusal(w, bet("act:p7:b2", 1))).isEqualTo("balance -450 is less than the stake 1");
        assertThat(refusal(w, new BetUnsettled("act:p7:b1:unsettled:9", "p7", T0, "m1", "act:p7:b1", 9, "ball:1.7", 100,
                500))).isEqualTo("bet act:p7:b1 is not settled: nothing to take back");

        WalletState again = fold(w, settled("act:p7:b1", 2, "lost", 0));
        assertThat(again.balance()).isEqualTo(-450);
        assertThat(again.bets()).isEmpty();
    }

    @Test
    void aPlayerHasAtMostAHundredBetsWaiting() {
        WalletState w = fold(null, credit("credit:o-1", 1_000));
        for (int i = 0; i < WalletRules.MAX_OPEN_BETS; i++) {
            w = fold(w, bet("act:p7:b" + i, 1));
        }
        assertThat(refusal(w, bet("act:p7:one-more", 1)))
                .isEqualTo("100 bets are waiting for their markets already, the most a player may have");
        WalletState settled = fold(w, new BetRefused("act:p7:b0:refused", "p7", T0, "m1", "act:p7:b0", "closed"));
        assertThat(fold(settled, bet("act:p7:one-more", 1)).bets()).hasSize(WalletRules.MAX_OPEN_BETS);
    }

    @Test
    void theViewMadeFromThePreviousOneIsTheViewMadeAfresh() {
        List<WalletEvent> events = new java.util.ArrayList<>(List.of(credit("credit:o-1", 10_000)));
        for (int i = 0; i < 30; i++) {
            events.add(bet("act:p7:b" + i, 10 + i));
            events.add(new BetTaken("act:p7:b" + i + ":taken", "p7", T0, "m1", "act:p7:b" + i, 10 + i));
            if (i % 3 == 0) {
                events.add(settled("act:p7:b" + (i / 2), 1, "won", 25));
            }
        }
        WalletState state = null;
        JsonNode view = null;
        for (WalletEvent e : events) {
            WalletState next = fold(state, e);
            JsonNode made = state == null ? WalletView.of(next) : WalletView.of(next, state, view);
            assertThat(made).as("after %s", e.eventId()).isEqualTo(WalletView.of(next));
            state = next;
            view = made;
        }
        assertThat(view.path("movements").size()).isEqualTo(WalletRules.RECENT);
    }
}
