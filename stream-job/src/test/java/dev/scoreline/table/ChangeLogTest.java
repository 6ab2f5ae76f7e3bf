package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.TableEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change log hides the seed while a hand is played and reveals the whole deal once it ends. */
class ChangeLogTest {

    private final TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat");

    /** Folds {@code event}, returning what the change log would reveal with it. */
    private JsonNode revealedBy(TableEvent event) {
        TableState before = table.state;
        table.accept(event);
        return table.rules.revealed(event, before, table.state);
    }

    @Test
    void handStartIsLoggedWithoutItsSeed() {
        HandStart start = table.startEvent(77);
        TableState before = table.state;
        table.accept(start);

        JsonNode logged = table.rules.loggedEvent(start, before, table.state);

        assertThat(logged.has("seed")).isFalse();
        assertThat(logged.get("type").asText()).isEqualTo("hand.start");
        assertThat(logged.get("eventId").asText()).isEqualTo(start.eventId());
        assertThat(Json.tree(start).get("seed").asLong()).isEqualTo(77);
    }

    @Test
    void otherEventsAreLoggedAsTheyAre() {
        table.start(1);
        TableEvent bet = table.betEvent("bob", 10);
        TableState before = table.state;
        table.accept(bet);

        assertThat(table.rules.loggedEvent(bet, before, table.state)).isEqualTo(Json.tree(bet));
    }

    @Test
    void nothingIsRevealedWhileTheHandIsPlayed() {
        assertThat(revealedBy(table.startEvent(9))).isNull();
        assertThat(revealedBy(table.betEvent("bob", 10))).isNull();
        assertThat(revealedBy(table.seeEvent("ann"))).isNull();
        assertThat(revealedBy(table.packEvent("cat"))).isNull();
    }

    @Test
    void theEventThatEndsAHandRevealsTheSeedAndEveryDealtHand() {
        table.start(9).pack("bob");

        JsonNode revealed = revealedBy(table.packEvent("cat"));

        List<List<Card>> deal = Deck.deal(9, 3);
        assertThat(revealed.get("hand").asInt()).isEqualTo(1);
        assertThat(revealed.get("seed").asLong()).isEqualTo(9);
        assertThat(revealed.get("dealer").asInt()).isEqualTo(1);
        for (int seat = 1; seat <= 3; seat++) {
            JsonNode player = revealed.at("/players/" + seat);
            assertThat(player.get("playerId").asText()).isEqualTo(List.of("ann", "bob", "cat").get(seat - 1));
            assertThat(player.get("cards")).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(deal.get(seat - 1).stream().map(Card::code).toList());
            assertThat(player.get("rank").asText())
                    .isEqualTo(HandEvaluator.rank(deal.get(seat - 1)).category().label());
        }
        assertThat(revealedBy(table.sitEvent("dan", 4, 100))).isNull();
    }

    @Test
    void aHandEndedByOverdueTimeOutsIsRevealedByTheEventThatFoundThem() {
        table.start(9);
        HandStart next = new HandStart("next", TableDriver.TABLE, table.clock.plusSeconds(3_600), 10);

        JsonNode revealed = revealedBy(next);

        assertThat(revealed.get("hand").asInt()).isEqualTo(1);
        assertThat(revealed.get("seed").asLong()).isEqualTo(9);
        assertThat(table.hand().number()).isEqualTo(2);
        assertThat(table.rules.loggedEvent(next, null, table.state).has("seed")).isFalse();
    }
}
