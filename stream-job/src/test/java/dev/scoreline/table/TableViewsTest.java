package dev.scoreline.table;

import static dev.scoreline.table.TableDriver.CONFIG;
import static dev.scoreline.table.TableDriver.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableViewsTest {

    private final TableDriver table = TableDriver.seated(CONFIG, "ann", "bob", "cat").start(4);
    private final List<List<Card>> deal = Deck.deal(4, 3);

    private static List<String> codes(List<Card> cards) {
        return cards.stream().map(Card::code).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void thereIsOnePublicChannelAndOneForEachSeatedPlayer() {
        table.accept(table.sitEvent("dan", 6, 500));

        Map<Channel, JsonNode> views = table.rules.views(table.state);

        assertThat(views.keySet()).extracting(Channel::name)
                .containsExactly(
                        "table:t1", "table:t1/seat:ann", "table:t1/seat:bob", "table:t1/seat:cat", "table:t1/seat:dan");
        JsonNode dan = views.get(Channel.seat(TABLE, "dan"));
        assertThat(dan.has("hand")).as("dan was not dealt in").isFalse();
        assertThat(dan.get("seat").asInt()).isEqualTo(6);
    }

    @Test
    void thePublicViewShowsTheTableButNoCard() {
        table.bet("bob", 15).see("cat");

        JsonNode view = table.publicView();

        assertThat(view.get("status").asText()).isEqualTo("playing");
        assertThat(view.get("config")).isEqualTo(Json.tree(CONFIG));
        assertThat(view.at("/seats/2/playerId").asText()).isEqualTo("bob");
        assertThat(view.at("/seats/2/chips").asLong()).isEqualTo(1_000 - 10 - 15);
        assertThat(view.at("/hand/number").asInt()).isEqualTo(1);
        assertThat(view.at("/hand/pot").asLong()).isEqualTo(45);
        assertThat(view.at("/hand/stake").asLong()).isEqualTo(15);
        assertThat(view.at("/hand/turn").asInt()).isEqualTo(3);
        assertThat(view.at("/hand/awaiting/playerId").asText()).isEqualTo("cat");
        assertThat(view.at("/hand/awaiting/deadline").asText()).isEqualTo(table.rules.deadline(table.state).toString());
        assertThat(view.at("/hand/players/2/status").asText()).isEqualTo("blind");
        assertThat(view.at("/hand/players/3/status").asText()).isEqualTo("seen");
        assertThat(view.at("/hand/players/2/blindTurns").asInt()).isEqualTo(1);
        assertThat(view.at("/hand/actions/1/move").asText()).isEqualTo("blind");
        assertThat(view.at("/hand/actions/1/amount").asLong()).isEqualTo(15);
        assertThat(view.at("/hand/actions/2/move").asText()).isEqualTo("see");
        assertThat(view.at("/hand/actions/2").has("amount")).isFalse();
        assertThat(view.at("/hand/lastAction")).isEqualTo(view.at("/hand/actions/2"));
        String text = view.toString();
        for (List<Card> hand : deal) {
            for (Card card : hand) {
                assertThat(text).doesNotContain("\"" + card.code() + "\"");
            }
        }
        assertNoNulls(view);
    }

    @Test
    void aPlayerSeesTheirOwnCardsOnlyOnceTheyLook() {
        JsonNode before = table.seatView("cat");
        assertThat(before.has("cards")).isFalse();
        assertThat(before.at("/options/see").asBoolean()).isTrue();

        table.see("cat");

        JsonNode after = table.seatView("cat");
        assertThat(texts(after.get("cards"))).isEqualTo(codes(deal.get(2)));
        assertThat(after.get("rank").asText()).isEqualTo(HandEvaluator.rank(deal.get(2)).category().label());
        assertThat(after.at("/options").has("see")).isFalse();
        assertThat(table.seatView("bob").has("cards")).isFalse();
        assertNoNulls(after);
    }

    @Test
    void theAwaitedPlayersOptionsAreTheMovesTheRulesAccept() {
        JsonNode bob = table.seatView("bob").get("options");
        assertThat(bob.get("pack").asBoolean()).isTrue();
        assertThat(bob.at("/bet/min").asLong()).isEqualTo(10);
        assertThat(bob.at("/bet/max").asLong()).isEqualTo(20);
        assertThat(bob.has("show")).as("three players").isFalse();
        assertThat(bob.has("sideShow")).as("bob is blind").isFalse();
        assertThat(table.seatView("cat").get("options").fieldNames()).toIterable().containsExactly("see");

        table.see("bob").bet("bob", 20).see("cat");
        JsonNode cat = table.seatView("cat").get("options");
        assertThat(cat.at("/bet/min").asLong()).isEqualTo(20);
        assertThat(cat.at("/bet/max").asLong()).isEqualTo(40);
        assertThat(cat.at("/sideShow/cost").asLong()).isEqualTo(20);
        assertThat(cat.at("/sideShow/with").asText()).isEqualTo("bob");

        table.sideShow("cat");
        assertThat(table.seatView("bob").at("/options/answerSideShow/playerId").asText()).isEqualTo("cat");
        assertThat(table.seatView("cat").has("options")).isFalse();
        table.answer("bob", false).pack("ann");
        JsonNode bobNow = table.seatView("bob").get("options");
        assertThat(bobNow.at("/show/cost").asLong()).isEqualTo(20);
    }

    @Test
    void aPlayerWhoMustSeeIsOfferedOnlyToSeeOrPack() {
        TableDriver strict = TableDriver.seated(new TableConfig(6, 10, 100, 0, 1_000, 30, null, null), "ann", "bob").start(1);

        assertThat(strict.seatView("bob").get("options").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("see", "pack");
    }

    @Test
    void theResultNamesTheWinnersBySeat() {
        table.pack("bob").pack("cat");

        JsonNode view = table.publicView();
        assertThat(view.get("status").asText()).isEqualTo("waiting");
        assertThat(view.at("/hand/result/how").asText()).isEqualTo("others packed");
        assertThat(view.at("/hand/result/winners/1/playerId").asText()).isEqualTo("ann");
        assertThat(view.at("/hand/result/winners/1/amount").asLong()).isEqualTo(30);
        assertThat(view.at("/hand/pot").asLong()).isZero();
        assertThat(view.at("/hand").has("awaiting")).isFalse();
        assertThat(view.toString()).doesNotContain("\"cards\"");
        assertNoNulls(view);
    }

    @Test
    void theStateReadsBackAsItWasWritten() {
        assertRoundTrip(table.state);
        table.see("bob").bet("bob", 20).see("cat").sideShow("cat");
        assertRoundTrip(table.state);
        table.answer("bob", true);
        assertRoundTrip(table.state);
        table.pack(table.awaited());
        assertRoundTrip(table.state);
        table.accept(table.closeEvent());
        assertRoundTrip(table.state);
    }

    private static void assertRoundTrip(TableState state) {
        byte[] json = Json.bytes(state);
        assertThat(Json.read(json, TableState.class)).isEqualTo(state);
        assertNoNulls(Json.tree(json));
    }

    static void assertNoNulls(JsonNode node) {
        assertThat(node.isNull()).isFalse();
        node.forEach(TableViewsTest::assertNoNulls);
    }

    @Test
    void viewsBuiltOnThePreviousOnesEqualFreshOnesThroughSimulatedPlay() {
        List<TableEvent> events = TableSimulator.play(5, TableSimulator.Settings.finite(3, 8,
                java.time.Instant.parse("2026-01-01T20:00:00Z")));
        TeenPattiRules rules = new TeenPattiRules();
        Map<String, TableState> states = new java.util.HashMap<>();
        Map<String, Map<Channel, JsonNode>> built = new java.util.HashMap<>();
        int sharedActions = 0;
        for (TableEvent event : events) {
            TableState previous = states.get(event.tableId());
            if (!(rules.apply(previous, event, List::of) instanceof EntityRules.Decision.Accepted<TableState> accepted)) {
                continue;
            }
            TableState state = accepted.state();
            Map<Channel, JsonNode> views = rules.views(state, previous, built.getOrDefault(event.tableId(), Map.of()));

            assertThat(views).as("after %s", event.eventId()).isEqualTo(TableViews.of(state));
            JsonNode before = built.getOrDefault(event.tableId(), Map.of()).get(Channel.table(event.tableId()));
            JsonNode now = views.get(Channel.table(event.tableId()));
            if (before != null && before.path("hand").path("actions").path("1") == now.path("hand").path("actions").path("1")
                    && now.path("hand").path("actions").has("1")) {
                sharedActions++;
            }
            states.put(event.tableId(), state);
            built.put(event.tableId(), views);
        }
        assertThat(sharedActions).as("later moves of a hand share its logged actions' views").isPositive();
    }
}
