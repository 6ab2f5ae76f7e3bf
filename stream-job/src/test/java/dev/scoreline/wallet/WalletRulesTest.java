package dev.scoreline.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.entity.Message;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.topic.Topic;
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
}
