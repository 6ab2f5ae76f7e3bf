package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static dev.scoreline.table.TableDriver.rankOf;
import static dev.scoreline.table.TableDriver.seedWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Side shows. Ann (seat 1) deals; Bob (2), Cat (3), Ann (1) act in that order, so Cat's previous
 * player is Bob.
 */
class SideShowTest {

    private static final int BOB = 1;
    private static final int CAT = 2;

    private static TableDriver catAsksBob(Predicate<List<List<Card>>> deal) {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(seedWhere(3, deal));
        table.see("bob").bet("bob", 20).see("cat");
        table.sideShow("cat");
        return table;
    }

    @Test
    void theAskerPaysTheLeastChaalAndTheAskedPlayerMustAnswer() {
        TableDriver table = catAsksBob(deal -> true);

        assertThat(table.hand().sideShow()).isEqualTo(new SideShow(3, 2));
        assertThat(table.awaited()).isEqualTo("bob");
        assertThat(table.hand().stake()).as("bob's chaal of 20 kept the stake at 10").isEqualTo(10);
        assertThat(table.player("cat").paid()).isEqualTo(10 + 20);
        assertThat(table.hand().pot()).isEqualTo(30 + 20 + 20);
        assertThat(table.rejects(table.betEvent("ann", 20)))
                .isEqualTo("hand 1 waits for bob to answer cat's side show, not for ann");
        assertThat(table.rejects(table.betEvent("cat", 40)))
                .isEqualTo("hand 1 waits for bob to answer cat's side show, not for cat");
        assertThat(table.rejects(table.answerEvent("ann", true)))
                .isEqualTo("hand 1 waits for bob to answer cat's side show, not for ann");
        assertThat(table.rejects(table.betEvent("bob", 40)))
                .isEqualTo("hand 1 waits for bob to answer cat's side show, not for bob");
    }

    @Test
    void aDeniedSideShowChangesNothingButTheTurn() {
        TableDriver table = catAsksBob(deal -> true);

        table.answer("bob", false);

        assertThat(table.hand().inPlay()).hasSize(3);
        assertThat(table.hand().sideShow()).isNull();
        assertThat(table.awaited()).isEqualTo("ann");
        assertThat(table.player("bob").sawSeats()).isEmpty();
        assertThat(table.rejects(table.answerEvent("bob", true))).isEqualTo("no side show is waiting for an answer");
    }

    @Test
    void whenAcceptedTheLowerHandPacks() {
        TableDriver table = catAsksBob(deal -> rankOf(deal.get(CAT)).beats(rankOf(deal.get(BOB))));

        table.answer("bob", true);

        assertThat(table.player("bob").packed()).isTrue();
        assertThat(table.player("cat").inPlay()).isTrue();
        assertThat(table.awaited()).isEqualTo("ann");
    }

    @Test
    void whenAcceptedTheAskerWithTheLowerHandPacks() {
        TableDriver table = catAsksBob(deal -> rankOf(deal.get(BOB)).beats(rankOf(deal.get(CAT))));

        table.answer("bob", true);

        assertThat(table.player("cat").packed()).isTrue();
        assertThat(table.player("bob").inPlay()).isTrue();
        assertThat(table.awaited()).isEqualTo("ann");
    }

    @Test
    void onATieTheAskerPacks() {
        TableDriver table = catAsksBob(deal -> rankOf(deal.get(BOB)).compareTo(rankOf(deal.get(CAT))) == 0);

        table.answer("bob", true);

        assertThat(table.player("cat").packed()).isTrue();
        assertThat(table.player("bob").inPlay()).isTrue();
    }

    @Test
    void onlyTheTwoPlayersSeeTheComparedCards() {
        TableDriver table = catAsksBob(deal -> true);
        table.answer("bob", true);
        List<List<Card>> deal = Deck.deal(table.hand().seed(), 3);

        JsonNode bobView = table.seatView("bob");
        JsonNode catView = table.seatView("cat");
        assertThat(bobView.at("/sideShows/3/cards")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(deal.get(CAT).stream().map(Card::code).toList());
        assertThat(catView.at("/sideShows/2/cards")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(deal.get(BOB).stream().map(Card::code).toList());
        assertThat(table.seatView("ann").has("sideShows")).isFalse();
        assertThat(table.publicView().toString()).doesNotContain("\"cards\"");
    }

    @Test
    void onlyASeenPlayerAsksAndOnlyASeenPreviousPlayerIsAsked() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);
        table.bet("bob", 10);

        assertThat(table.rejects(table.sideShowEvent("cat")))
                .isEqualTo("cat has not seen their cards: only a seen player may ask for a side show");
        table.see("cat");
        assertThat(table.rejects(table.sideShowEvent("cat")))
                .isEqualTo("the previous player, bob, has not seen their cards, so no side show");
        assertThat(table.rejects(table.sideShowEvent("ann"))).isEqualTo("it is cat's turn, not ann's");
    }

    @Test
    void withTwoPlayersLeftItIsAShowNotASideShow() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);
        table.see("bob").pack("bob").see("cat");

        assertThat(table.rejects(table.sideShowEvent("cat")))
                .isEqualTo("with two players left, ask for a show, not a side show");
    }

    @Test
    void thePreviousPlayerSkipsThoseWhoPacked() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat", "dan").start(1);
        table.see("bob").bet("bob", 20).pack("cat").see("dan");

        table.sideShow("dan");

        assertThat(table.hand().sideShow()).isEqualTo(new SideShow(4, 2));
    }

    @Test
    void packingInsteadOfAnsweringCancelsTheSideShow() {
        TableDriver table = catAsksBob(deal -> true);

        table.pack("bob");

        assertThat(table.hand().sideShow()).isNull();
        assertThat(table.player("cat").inPlay()).isTrue();
        assertThat(table.awaited()).isEqualTo("ann");
    }

    @Test
    void aSideShowThatLeavesOnePlayerInTheHandEndsIt() {
        // ann leaves while bob considers cat's side show: two are left, and the side show packs one
        TableDriver table = catAsksBob(deal -> rankOf(deal.get(CAT)).beats(rankOf(deal.get(BOB))));
        long pot = table.hand().pot();
        table.leave("ann");

        table.answer("bob", true);

        assertThat(table.hand().over()).as("nobody is left to play against cat").isTrue();
        assertThat(table.hand().result().how()).isEqualTo(HandResult.End.OTHERS_PACKED);
        assertThat(table.hand().result().winners()).containsExactly(new Winner(3, "cat", pot));
    }
}
