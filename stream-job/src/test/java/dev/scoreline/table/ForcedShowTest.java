package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.rankOf;
import static dev.scoreline.table.TableDriver.seedWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.table.event.TableConfig;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a payment brings the pot to the table's pot limit, every hand still in play is shown. */
class ForcedShowTest {

    /** Boot 10, pot limit 100: three boots and a few bets reach it. */
    private static final TableConfig LOW_LIMIT = new TableConfig(6, 10, 100, 3, 100, 30, null, null);

    @Test
    void theBestHandInPlayTakesThePot() {
        long seed = seedWhere(4, deal -> {
            HandRank dan = rankOf(deal.get(3));
            return deal.subList(0, 3).stream().allMatch(h -> rankOf(h).compareTo(dan) < 0)
                    && rankOf(deal.get(1)).compareTo(rankOf(deal.get(0))) > 0
                    && rankOf(deal.get(1)).compareTo(rankOf(deal.get(2))) > 0;
        });
        TableDriver table = TableDriver.seated(LOW_LIMIT, "ann", "bob", "cat", "dan").start(seed);
        table.bet("bob", 10).bet("cat", 10).pack("dan").bet("ann", 10);
        assertThat(table.hand().pot()).isEqualTo(70);

        table.bet("bob", 20).bet("cat", 20);

        Hand hand = table.hand();
        assertThat(hand.result().how()).isEqualTo(HandResult.End.POT_LIMIT);
        assertThat(hand.result().shown()).containsExactly(1, 2, 3);
        assertThat(hand.result().winners()).containsExactly(new Winner(2, "bob", 110));
        assertThat(table.state.chipsOnTable()).isEqualTo(4_000);
        JsonNode players = table.publicView().at("/hand/players");
        assertThat(players.get("4").has("cards")).as("dan packed: his hand stays hidden").isFalse();
        assertThat(players.get("1").has("cards")).isTrue();
        assertThat(table.publicView().at("/hand/result/how").asText()).isEqualTo("pot limit");
    }

    @Test
    void equalBestHandsSplitThePotAndTheOddChipGoesToTheFirstInSeatOrder() {
        long seed = seedWhere(3, deal -> {
            List<HandRank> ranks = deal.stream().map(TableDriver::rankOf).toList();
            HandRank best = ranks.stream().max(Comparator.naturalOrder()).orElseThrow();
            return ranks.stream().filter(r -> r.compareTo(best) == 0).count() == 2;
        });
        List<HandRank> ranks = Deck.deal(seed, 3).stream().map(TableDriver::rankOf).toList();
        HandRank best = ranks.stream().max(Comparator.naturalOrder()).orElseThrow();
        List<Integer> tiedSeats = List.of(1, 2, 3).stream().filter(s -> ranks.get(s - 1).compareTo(best) == 0).toList();

        TableDriver table = TableDriver.seated(LOW_LIMIT, "ann", "bob", "cat").start(seed);
        table.bet("bob", 11).bet("cat", 11).bet("ann", 13).bet("bob", 13).bet("cat", 13);
        assertThat(table.hand().over()).isFalse();
        table.bet("ann", 14);

        long pot = 30 + 11 + 11 + 13 + 13 + 13 + 14;
        assertThat(pot % 2).isOne();
        List<Winner> winners = table.hand().result().winners();
        assertThat(winners).extracting(Winner::seat).containsExactlyElementsOf(tiedSeats);
        assertThat(winners).extracting(Winner::amount).containsExactly(pot / 2 + 1, pot / 2);
        assertThat(table.state.chipsOnTable()).isEqualTo(3_000);
    }

    @Test
    void aSideShowPaymentCanReachTheLimitToo() {
        TableDriver table = TableDriver.seated(LOW_LIMIT, "ann", "bob", "cat").start(1);
        table.see("bob").bet("bob", 20).see("cat").bet("cat", 20).see("ann").bet("ann", 20);
        assertThat(table.hand().pot()).isEqualTo(90);

        table.sideShow("bob");

        assertThat(table.hand().over()).isTrue();
        assertThat(table.hand().sideShow()).isNull();
        assertThat(table.hand().result().how()).isEqualTo(HandResult.End.POT_LIMIT);
        assertThat(table.hand().result().shown()).containsExactly(1, 2, 3);
    }
}
