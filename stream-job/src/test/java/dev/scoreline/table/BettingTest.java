package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.table.event.TableConfig;
import org.junit.jupiter.api.Test;

/**
 * Bet limits at every edge. The table's boot is 10 (the first stake) and its chaal limit 100: a
 * blind bet is 1 to 2 times the stake, a chaal 2 to 4 times, both capped at 100.
 */
class BettingTest {

    /** Ann (seat 1) deals; Bob (seat 2) acts first, then Cat, then Ann. */
    private final TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);

    @Test
    void aBlindBetIsOneToTwoTimesTheStake() {
        assertThat(table.rejects(table.betEvent("bob", 9)))
                .isEqualTo("a blind bet of 9 is below the minimum of 10 (1x the stake of 10)");
        assertThat(table.rejects(table.betEvent("bob", 21)))
                .isEqualTo("a blind bet of 21 is above the maximum of 20 (2x the stake of 10)");
        table.bet("bob", 10);
        table.bet("cat", 20);

        assertThat(table.hand().pot()).isEqualTo(30 + 10 + 20);
        assertThat(table.chips("cat")).isEqualTo(1_000 - 10 - 20);
        assertThat(table.player("cat").paid()).isEqualTo(30);
        assertThat(table.player("cat").blindTurns()).isEqualTo(1);
    }

    @Test
    void aBlindBetMakesTheStake() {
        table.bet("bob", 15);

        assertThat(table.hand().stake()).isEqualTo(15);
        assertThat(table.rejects(table.betEvent("cat", 14))).contains("below the minimum of 15 (1x the stake of 15)");
        assertThat(table.rejects(table.betEvent("cat", 31))).contains("above the maximum of 30 (2x the stake of 15)");
        table.bet("cat", 30);
        assertThat(table.hand().stake()).isEqualTo(30);
    }

    @Test
    void aChaalIsTwoToFourTimesTheStake() {
        table.see("bob");

        assertThat(table.rejects(table.betEvent("bob", 19)))
                .isEqualTo("a chaal of 19 is below the minimum of 20 (2x the stake of 10)");
        assertThat(table.rejects(table.betEvent("bob", 41)))
                .isEqualTo("a chaal of 41 is above the maximum of 40 (4x the stake of 10)");
        table.bet("bob", 40);
        assertThat(table.player("bob").blindTurns()).isZero();
    }

    @Test
    void aChaalMakesTheStakeHalfOfItRoundedDown() {
        table.see("bob").bet("bob", 35);

        assertThat(table.hand().stake()).isEqualTo(17);
        assertThat(table.rejects(table.betEvent("cat", 16))).contains("below the minimum of 17");
        table.bet("cat", 17);
        assertThat(table.hand().stake()).isEqualTo(17);
    }

    @Test
    void theChaalLimitCapsBothBoundsAndTheStakeNeverFalls() {
        table.bet("bob", 20).bet("cat", 40).bet("ann", 80);
        assertThat(table.hand().stake()).isEqualTo(80);

        assertThat(table.rejects(table.betEvent("bob", 101)))
                .isEqualTo("a blind bet of 101 is above the maximum of 100 (the chaal limit)");
        table.bet("bob", 100);
        assertThat(table.hand().stake()).isEqualTo(100);
        table.see("cat");
        assertThat(table.rejects(table.betEvent("cat", 99)))
                .isEqualTo("a chaal of 99 is below the minimum of 100 (the chaal limit)");
        assertThat(table.rejects(table.betEvent("cat", 101)))
                .isEqualTo("a chaal of 101 is above the maximum of 100 (the chaal limit)");
        table.bet("cat", 100);

        assertThat(table.hand().stake()).as("a chaal of 100 would make 50, but the stake never falls").isEqualTo(100);
    }

    @Test
    void aBetIsNeverMoreThanThePlayersChips() {
        TableDriver poor = TableDriver.seated(CONFIG, "ann");
        poor.accept(poor.sitEvent("bob", 2, 25)).start(1);

        assertThat(poor.rejects(poor.betEvent("bob", 20)))
                .isEqualTo("a blind bet of 20 is more than the 15 chips bob has");
        poor.bet("bob", 15);
        assertThat(poor.chips("bob")).isZero();
    }

    @Test
    void onlyThePlayerOnTurnBets() {
        assertThat(table.rejects(table.betEvent("cat", 10))).isEqualTo("it is bob's turn, not cat's");
        assertThat(table.rejects(table.packEvent("ann"))).isEqualTo("it is bob's turn, not ann's");
        table.bet("bob", 10);
        assertThat(table.rejects(table.betEvent("bob", 10))).isEqualTo("it is cat's turn, not bob's");
    }

    @Test
    void turnsGoRoundInSeatOrderSkippingPackedPlayers() {
        table.bet("bob", 10);
        assertThat(table.awaited()).isEqualTo("cat");
        table.bet("cat", 10);
        assertThat(table.awaited()).isEqualTo("ann");
        table.pack("ann");
        assertThat(table.awaited()).isEqualTo("bob");
        table.bet("bob", 10);
        assertThat(table.awaited()).isEqualTo("cat");
        assertThat(table.hand().turnNumber()).isEqualTo(5);
    }

    @Test
    void afterTheAllowedBlindBetsAPlayerMustSee() {
        table.bet("bob", 10).bet("cat", 10).bet("ann", 10)
                .bet("bob", 10).bet("cat", 10).bet("ann", 10)
                .bet("bob", 10).bet("cat", 10).bet("ann", 10);
        assertThat(table.player("bob").blindTurns()).isEqualTo(3);

        assertThat(table.rejects(table.betEvent("bob", 10)))
                .isEqualTo("bob has made 3 blind bets, the most this table allows, and must see their cards to bet");
        table.see("bob").bet("bob", 20);
        assertThat(table.awaited()).isEqualTo("cat");
        table.pack("cat");
        assertThat(table.rejects(table.showEvent("ann")))
                .isEqualTo("ann has made 3 blind bets, the most this table allows, and must see their cards to ask for "
                        + "a show");
        table.pack("ann");
        assertThat(table.hand().result().winners()).extracting(Winner::playerId).containsExactly("bob");
    }

    @Test
    void aTableMayRequireSeeingBeforeTheFirstBet() {
        TableDriver strict = TableDriver.seated(new TableConfig(6, 10, 100, 0, 1_000, 30, null, null), "ann", "bob").start(1);

        assertThat(strict.rejects(strict.betEvent("bob", 10))).contains("must see their cards to bet");
        strict.see("bob").bet("bob", 20);
    }
}
