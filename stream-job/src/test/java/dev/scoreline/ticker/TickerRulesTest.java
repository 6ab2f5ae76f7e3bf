package dev.scoreline.ticker;

import static dev.scoreline.ticker.Lines.completed;
import static dev.scoreline.ticker.Lines.fold;
import static dev.scoreline.ticker.Lines.live;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.entity.EntityEngine;
import dev.scoreline.entity.EntityRecord;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.json.Json;
import dev.scoreline.ticker.event.MatchLine;
import dev.scoreline.ticker.event.TickerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TickerRulesTest {

    private final TickerRules rules = new TickerRules();

    private static JsonNode view(TickerRules rules, TickerState state) {
        return rules.views(state).get(Channel.scores());
    }

    @Test
    void theFirstLineMakesTheTickerAndItsViewHoldsEachMatchsLatestLine() {
        TickerState state = fold(rules, List.of(live("m1", 1), live("m2", 4), live("m1", 2)));

        assertThat(view(rules, state)).isEqualTo(Json.tree("""
                {"matches": {
                  "m1": {"teams": ["A", "B"], "status": "live", "batting": "A", "score": "2/0", "overs": "0.2"},
                  "m2": {"teams": ["A", "B"], "status": "live", "batting": "A", "score": "4/0", "overs": "0.4"}}}"""));
        assertThat(state.matches().get("m1").matchVersion()).isEqualTo(2);
    }

    @Test
    void aLateLineIsAcceptedAndChangesNothing() {
        TickerState state = fold(rules, List.of(live("m1", 5), live("m2", 1)));

        for (MatchLine late : List.of(live("m1", 4), live("m1", 5), completed("m1", 3))) {
            Decision<TickerState> decision = rules.apply(state, late, List::of);

            assertThat(decision).as(late.eventId()).isEqualTo(Decision.accept(state));
        }
    }

    @Test
    void anotherTickerIdIsRefused() {
        MatchLine elsewhere = new MatchLine("m1@1", "other", live("m1", 1).eventTime(), "m1", 1, live("m1", 1).line());

        assertThat(rules.apply(null, elsewhere, List::of)).isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void everyLiveMatchStaysAndOnlyTheMostRecentlyCompletedOnesDo() {
        List<TickerEvent> events = new ArrayList<>();
        IntStream.rangeClosed(1, 14).forEach(i -> events.add(live("live" + i, 1)));
        IntStream.rangeClosed(1, 14).forEach(i -> events.add(live("done" + i, 1)));
        // completed in the order 14, 13, ..., 1: the last ten to complete are done10 .. done1
        IntStream.iterate(14, i -> i >= 1, i -> i - 1).forEach(i -> events.add(completed("done" + i, 2)));

        TickerState state = fold(rules, events);

        assertThat(state.matches().keySet())
                .containsAll(IntStream.rangeClosed(1, 14).mapToObj(i -> "live" + i).toList())
                .containsAll(IntStream.rangeClosed(1, 10).mapToObj(i -> "done" + i).toList())
                .doesNotContain("done11", "done12", "done13", "done14")
                .hasSize(14 + TickerRules.COMPLETED_KEPT);
    }

    @Test
    void beyondTheCapTheLeastRecentlyUpdatedLiveLineGoesAndCompletedOnesStay() {
        TickerRules small = new TickerRules(2, 5);
        TickerState state = fold(small, List.of(
                completed("c1", 1), live("m1", 1), live("m2", 1), live("m3", 1), live("m1", 2), live("m4", 1)));
        assertThat(state.matches().keySet()).containsExactlyInAnyOrder("c1", "m1", "m2", "m3", "m4");

        state = fold(small, List.of(
                completed("c1", 1), live("m1", 1), live("m2", 1), live("m3", 1), live("m1", 2), live("m4", 1),
                live("m5", 1), live("m6", 1)));

        assertThat(state.matches().keySet()).as("m2 then m3 were the least recently updated")
                .containsExactlyInAnyOrder("c1", "m1", "m4", "m5", "m6");
    }

    @Test
    void aCapOfManyMatchesHoldsAtFiveHundred() {
        List<MatchLine> events = IntStream.range(0, 600).mapToObj(i -> live("m" + i, 1)).toList();

        TickerState state = fold(rules, events);

        assertThat(state.matches()).hasSize(TickerRules.MAX_LINES).containsKey("m599").doesNotContainKey("m99")
                .containsKey("m100");
    }

    @Test
    void theStateIsTheSameWhateverTheOrderOfIndependentMatchesAndThroughItsJson() {
        TickerState one = fold(rules, List.of(live("m1", 1), live("m2", 1)));
        TickerState stored = Json.read(Json.bytes(one), TickerState.class);

        assertThat(stored).isEqualTo(one);
        assertThat(Json.string(stored)).isEqualTo(Json.string(one));
        assertThat(view(rules, stored)).isEqualTo(view(rules, fold(rules, List.of(live("m2", 1), live("m1", 1)))));
    }

    @Test
    void anEvictedLineGoesOutAsAMergePatchNull() {
        TickerRules small = new TickerRules(1, 5);
        EntityEngine<TickerState, TickerEvent> engine = new EntityEngine<>(small, SnapshotPolicy.DEFAULT);
        EntityRecord<TickerState> record = null;
        for (MatchLine line : List.of(completed("c1", 1), completed("c2", 1))) {
            record = engine.apply(record, null, line, List::of, "epoch").record();
            if (line.matchId().equals("c1")) {
                record = engine.publish(record, null, 0).record();
            }
        }

        List<Delta> deltas = engine.publish(record, null, 1).deltas();

        assertThat(deltas).singleElement().satisfies(delta -> {
            assertThat(delta.channel()).isEqualTo(Channel.SCORES);
            assertThat(delta.patch().path("matches").get("c1").isNull()).isTrue();
            assertThat(delta.patch().path("matches").get("c2").path("result").asText()).isEqualTo("B won by 10 wickets");
        });
    }
}
