package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static dev.scoreline.table.TableDriver.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening, seating, dealing, leaving and closing. */
class TableLifecycleTest {

    private final TableDriver empty = new TableDriver();

    @Test
    void aTableStartsWithTableOpen() {
        Decision<TableState> decision =
                empty.rules.apply(null, new Bet("e1", TABLE, TableDriver.START, "ann", 10), List::of);

        assertThat(decision)
                .isEqualTo(Decision.reject("table t1 is not open: its first event must be table.open, not bet"));
    }

    @Test
    void aConfigurationOutsideItsBoundsIsRefused() {
        assertThat(openWith(new TableConfig(7, 10, 100, 3, 1_000, 30, null, null))).contains("2 to 6 seats, not 7");
        assertThat(openWith(new TableConfig(1, 10, 100, 3, 1_000, 30, null, null))).contains("2 to 6 seats, not 1");
        assertThat(openWith(new TableConfig(6, 10, 9, 3, 1_000, 30, null, null)))
                .contains("chaal limit of 9 is below the boot of 10");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 60, 30, null, null))).contains("pot limit of 60 must be more than");
        assertThat(openWith(new TableConfig(6, 0, 100, 3, 1_000, 30, null, null))).contains("boot must be at least 1");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 1_000, 0, null, null))).contains("1 to 86400 seconds");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 61, 30, null, null))).isNull();
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 1_000, 30, 9L, null)))
                .isEqualTo("the least buy-in of 9 is below the boot of 10");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 1_000, 30, 200L, 199L)))
                .isEqualTo("the most buy-in of 199 is below the least buy-in of 200");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 1_000, 30, null, 9L)))
                .isEqualTo("the most buy-in of 9 is below the least buy-in of 10");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 1_000, 30, null, TablePlay.MAX_CHIPS + 1)))
                .contains("the most buy-in of 1000000000001 is above the most a table takes");
        assertThat(openWith(new TableConfig(6, 10, 100, 3, 1_000, 30, 200L, 200L))).isNull();
    }

    private String openWith(TableConfig config) {
        Decision<TableState> decision =
                empty.rules.apply(null, new TableOpen("e1", TABLE, TableDriver.START, config), List::of);
        return decision instanceof Decision.Rejected<TableState> r ? r.reason() : null;
    }

    @Test
    void aTableOpensOnce() {
        TableDriver table = TableDriver.seated(CONFIG);

        assertThat(table.rejects(new TableOpen(table.id(), TABLE, table.tick(), CONFIG)))
                .isEqualTo("table t1 is already open");
    }

    @Test
    void anEventOfAnotherTableIsRefused() {
        TableDriver table = TableDriver.seated(CONFIG, "ann");

        assertThat(table.rejects(new Bet(table.id(), "t2", table.tick(), "ann", 10)))
                .contains("an event of table t2 reached table t1");
    }

    @Test
    void aSeatIsTakenOnceByOnePlayerWithAtLeastTheBoot() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob");

        assertThat(table.rejects(table.sitEvent("cat", 2, 500))).isEqualTo("seat 2 is taken by bob");
        assertThat(table.rejects(table.sitEvent("cat", 7, 500)))
                .isEqualTo("seat 7 does not exist: the table has seats 1 to 6");
        assertThat(table.rejects(table.sitEvent("cat", 0, 500))).contains("seat 0 does not exist");
        assertThat(table.rejects(table.sitEvent("ann", 3, 500))).isEqualTo("ann already sits at seat 1");
        assertThat(table.rejects(table.sitEvent("cat", 3, 9))).isEqualTo("a buy-in of 9 is less than the boot of 10");
        assertThat(table.rejects(table.sitEvent("c/at", 3, 500))).contains("player id 'c/at' is not valid");

        table.accept(table.sitEvent("cat", 3, 10));
        assertThat(table.state.seats()).extracting(Seat::playerId).containsExactly("ann", "bob", "cat");
    }

    @Test
    void aBuyInIsWithinTheTablesLimits() {
        TableDriver table = TableDriver.seated(new TableConfig(6, 10, 100, 3, 1_000, 30, 100L, 2_000L), "ann");

        assertThat(table.rejects(table.sitEvent("bob", 2, 99)))
                .isEqualTo("a buy-in of 99 is less than the table's least buy-in of 100");
        assertThat(table.rejects(table.sitEvent("bob", 2, 2_001)))
                .isEqualTo("a buy-in of 2001 is more than the table's most buy-in of 2000");
        table.accept(table.sitEvent("bob", 2, 100)).accept(table.sitEvent("cat", 3, 2_000));

        assertThat(table.state.seats()).extracting(Seat::chips).containsExactly(1_000L, 100L, 2_000L);
        assertThat(table.publicView().path("config").path("maxBuyIn").asLong()).isEqualTo(2_000);
        assertThat(TableDriver.seated(CONFIG).publicView().path("config").has("maxBuyIn"))
                .as("an absent limit is no member of the view").isFalse();
    }

    @Test
    void aHandNeedsTwoPlayersWhoCanPayTheBoot() {
        TableDriver table = TableDriver.seated(CONFIG, "ann");

        assertThat(table.rejects(table.startEvent(1)))
                .contains("a hand needs two players with at least the boot of 10 chips, and 1 has it");
    }

    @Test
    void aHandCollectsTheBootDealsEveryoneWhoCanPayAndStartsAfterTheDealer() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob");
        table.accept(table.sitEvent("cat", 4, 10)).start(5);

        Hand hand = table.hand();
        assertThat(hand.players()).extracting(HandPlayer::playerId).containsExactly("ann", "bob", "cat");
        assertThat(hand.pot()).isEqualTo(30);
        assertThat(hand.stake()).isEqualTo(10);
        assertThat(hand.dealer()).isEqualTo(1);
        assertThat(hand.turn()).isEqualTo(2);
        assertThat(table.chips("ann")).isEqualTo(990);
        assertThat(table.chips("cat")).isZero();
        List<List<Card>> deal = Deck.deal(5, 3);
        assertThat(hand.players()).extracting(HandPlayer::cards).containsExactlyElementsOf(deal);
        assertThat(hand.players()).allSatisfy(p -> assertThat(p.seen()).isFalse());
    }

    @Test
    void theDealerMovesRoundAndAPlayerWithoutTheBootSitsOut() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob");
        table.accept(table.sitEvent("cat", 4, 10));
        table.start(1).pack("bob").pack("cat");
        assertThat(table.hand().result().winners()).extracting(Winner::playerId).containsExactly("ann");
        assertThat(table.chips("cat")).isZero();

        table.start(2);

        assertThat(table.hand().number()).isEqualTo(2);
        assertThat(table.hand().players()).extracting(HandPlayer::playerId).containsExactly("ann", "bob");
        assertThat(table.hand().dealer()).isEqualTo(2);
        assertThat(table.hand().turn()).isEqualTo(1);
        assertThat(table.state.hands()).isEqualTo(2);
    }

    @Test
    void aNewHandWaitsForTheLastToEnd() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob").start(1);

        assertThat(table.rejects(table.startEvent(2))).isEqualTo("hand 1 is still being played");
        assertThat(table.rejects(table.closeEvent())).isEqualTo("hand 1 is still being played");
    }

    @Test
    void onlyDealtPlayersStillInTheHandAct() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);
        table.accept(table.sitEvent("dan", 5, 500));

        assertThat(table.rejects(table.betEvent("eve", 10))).isEqualTo("eve is not at table t1");
        assertThat(table.rejects(table.betEvent("dan", 10))).isEqualTo("dan was not dealt into hand 1");
        assertThat(table.rejects(table.seeEvent("dan"))).isEqualTo("dan was not dealt into hand 1");
        table.pack("bob");
        assertThat(table.rejects(table.seeEvent("bob"))).isEqualTo("bob is out of hand 1");
        assertThat(table.rejects(table.betEvent("bob", 10))).isEqualTo("bob is out of hand 1");
    }

    @Test
    void withoutAHandNobodyActs() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob");

        assertThat(table.rejects(table.betEvent("ann", 10))).isEqualTo("no hand has started yet");
        table.start(1).pack("bob");
        assertThat(table.rejects(table.packEvent("ann"))).isEqualTo("hand 1 is over and no hand is being played");
        assertThat(table.rejects(table.seeEvent("ann"))).isEqualTo("hand 1 is over and no hand is being played");
    }

    @Test
    void seeingIsAllowedOnceAtAnyTime() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);

        table.see("ann");

        assertThat(table.player("ann").seen()).isTrue();
        assertThat(table.awaited()).isEqualTo("bob");
        assertThat(table.rejects(table.seeEvent("ann"))).isEqualTo("ann has already seen their cards");
    }

    @Test
    void aPlayerWhoLeavesDuringAHandPacksAndTheirSeatIsHeldUntilItEnds() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);

        table.leave("bob");

        assertThat(table.state.seatOf("bob")).isEmpty();
        assertThat(table.player("bob").packed()).isTrue();
        assertThat(table.awaited()).isEqualTo("cat");
        assertThat(table.state.chipsOnTable()).isEqualTo(2 * 990 + 30);
        assertThat(table.rejects(table.sitEvent("dan", 2, 500))).isEqualTo("seat 2 is held by bob until hand 1 ends");
        assertThat(table.rejects(table.sitEvent("bob", 5, 500)))
                .isEqualTo("bob left hand 1 and may sit again once it ends");
        assertThat(table.rejects(table.leaveEvent("bob"))).isEqualTo("bob is not at table t1");

        table.leave("ann");

        assertThat(table.hand().result().winners()).containsExactly(new Winner(3, "cat", 30));
        assertThat(table.chips("cat")).isEqualTo(1_020);
        table.accept(table.sitEvent("dan", 2, 500));
    }

    @Test
    void aClosedTableAcceptsNothingAndIsFinished() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob");
        assertThat(table.rules.isFinished(table.state)).isFalse();

        table.accept(table.closeEvent());

        assertThat(table.rules.isFinished(table.state)).isTrue();
        assertThat(table.rejects(table.startEvent(1))).isEqualTo("table t1 is closed");
        assertThat(table.rejects(table.sitEvent("cat", 3, 100))).isEqualTo("table t1 is closed");
        assertThat(table.state.seats()).extracting(Seat::chips).containsExactly(1_000L, 1_000L);
    }

    @Test
    void anEventWithoutItsFieldsIsRefused() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob");

        assertThat(table.rejects(new Bet(null, TABLE, table.tick(), "ann", 10))).isEqualTo("bet has no eventId");
        assertThat(table.rejects(new Bet("x", TABLE, null, "ann", 10))).isEqualTo("bet has no eventTime");
        assertThat(table.rejects(new Bet("x", TABLE, table.tick(), null, 10))).isEqualTo("bet has no playerId");
        assertThat(empty.rules.apply(null, new TableOpen("x", TABLE, table.tick(), null), List::of))
                .isEqualTo(Decision.reject("table.open has no config"));
    }
}
