package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static dev.scoreline.table.TableDriver.rankOf;
import static dev.scoreline.table.TableDriver.seedWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A show between the last two players: who may ask, what it costs, who wins, and ties. */
class ShowTest {

    /** Ann deals, so Bob (seat 2) asks first. */
    private static TableDriver twoPlayers(long seed) {
        return TableDriver.seated(CONFIG, "ann", "bob").start(seed);
    }

    @Test
    void aShowNeedsExactlyTwoPlayers() {
        TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(1);

        assertThat(table.rejects(table.showEvent("bob")))
                .isEqualTo("a show needs exactly two players in the hand, and 3 are playing");
        table.pack("bob");
        assertThat(table.rejects(table.showEvent("ann"))).isEqualTo("it is cat's turn, not ann's");
        table.show("cat");
        assertThat(table.hand().over()).isTrue();
    }

    @Test
    void aBlindPlayerPaysTheStakeAndTheHigherHandWins() {
        long seed = seedWhere(2, deal -> rankOf(deal.get(0)).beats(rankOf(deal.get(1))));
        TableDriver table = twoPlayers(seed).bet("bob", 15).bet("ann", 20);

        table.show("bob");

        Hand hand = table.hand();
        assertThat(hand.log().get(hand.log().size() - 1).amount()).isEqualTo(20);
        assertThat(hand.result().how()).isEqualTo(HandResult.End.SHOW);
        assertThat(hand.result().winners()).containsExactly(new Winner(1, "ann", 20 + 15 + 20 + 20));
        assertThat(hand.pot()).isZero();
        assertThat(table.chips("ann")).isEqualTo(1_000 - 30 + 75);
        assertThat(table.chips("bob")).isEqualTo(1_000 - 45);
    }

    @Test
    void aSeenPlayerPaysTheLeastChaalAndWinsWithTheHigherHand() {
        long seed = seedWhere(2, deal -> rankOf(deal.get(1)).beats(rankOf(deal.get(0))));
        TableDriver table = twoPlayers(seed).see("bob");

        table.show("bob");

        assertThat(table.hand().log().get(1).amount()).isEqualTo(20);
        assertThat(table.hand().result().winners()).containsExactly(new Winner(2, "bob", 40));
        assertThat(table.chips("bob")).isEqualTo(1_000 - 10 - 20 + 40);
    }

    @Test
    void onATieThePlayerWhoAskedLoses() {
        long seed = seedWhere(2, deal -> rankOf(deal.get(0)).compareTo(rankOf(deal.get(1))) == 0);
        List<List<Card>> deal = Deck.deal(seed, 2);
        assertThat(deal.get(0)).isNotEqualTo(deal.get(1));

        TableDriver table = twoPlayers(seed);
        table.show("bob");

        assertThat(table.hand().result().winners()).extracting(Winner::playerId).containsExactly("ann");
    }

    @Test
    void bothHandsAreShownToTheTable() {
        TableDriver table = twoPlayers(3);
        table.show("bob");

        JsonNode players = table.publicView().at("/hand/players");
        List<List<Card>> deal = Deck.deal(3, 2);
        for (int seat = 1; seat <= 2; seat++) {
            JsonNode shown = players.get(Integer.toString(seat));
            assertThat(shown.get("cards")).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(deal.get(seat - 1).stream().map(Card::code).toList());
            assertThat(shown.get("rank").asText()).isEqualTo(rankOf(deal.get(seat - 1)).category().label());
        }
        assertThat(table.publicView().at("/hand/result/how").asText()).isEqualTo("show");
    }

    @Test
    void aShowCostsNoMoreThanThePlayersChips() {
        TableDriver table = TableDriver.seated(CONFIG, "ann");
        table.accept(table.sitEvent("bob", 2, 15)).start(1).see("bob");

        assertThat(table.rejects(table.showEvent("bob"))).isEqualTo("a show of 20 is more than the 5 chips bob has");
    }
}
