package dev.scoreline.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.json.Json;
import dev.scoreline.match.cricsheet.CricsheetConverter;
import dev.scoreline.match.cricsheet.CricsheetRecords;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.MatchEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The fold is a proper left fold, so the job may stop anywhere (keeping the state as JSON) and
 * carry on, and an undo is an exact inverse of the delivery it retracts.
 */
class ScorerProperties {

    private static final List<List<MatchEvent>> RECORDED =
            CricsheetRecords.all().stream().map(CricsheetConverter::convert).toList();

    @Provide
    Arbitrary<List<MatchEvent>> matches() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(RandomMatches::generate),
                Arbitraries.of(RECORDED));
    }

    @Property(tries = 300)
    void foldingAPrefixKeptAsJsonThenTheRestIsFoldingAll(
            @ForAll("matches") List<MatchEvent> events, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        int k = cut % (events.size() + 1);
        MatchState prefix = k == 0 ? null : Scorer.fold(events.subList(0, k));
        MatchState kept = prefix == null ? null : Json.read(Json.bytes(prefix), MatchState.class);

        MatchState resumed = applyAll(kept, events, k);
        MatchState all = Scorer.fold(events);

        assertThat(resumed).isEqualTo(all);
        assertThat(MatchView.of(resumed)).isEqualTo(MatchView.of(all));
    }

    @Property(tries = 300)
    void anUndoAfterAnyDeliveryGivesTheStateBeforeIt(
            @ForAll("matches") List<MatchEvent> events, @ForAll @IntRange(min = 0, max = 100_000) int pick) {
        List<Integer> deliveries = IntStream.range(0, events.size())
                .filter(i -> events.get(i) instanceof Delivery).boxed().toList();
        Assume.that(!deliveries.isEmpty());
        int at = deliveries.get(pick % deliveries.size());
        List<MatchEvent> withUndo = new ArrayList<>(events.subList(0, at + 1));
        withUndo.add(new DeliveryUndo("undo", events.get(0).matchId(), Instant.EPOCH));

        assertThat(Scorer.fold(withUndo)).isEqualTo(Scorer.fold(events.subList(0, at)));
    }

    @Property(tries = 300)
    void everyPrefixOfARecordedMatchFoldsToAConsistentLiveState(
            @ForAll("recorded") List<MatchEvent> events, @ForAll @IntRange(min = 1, max = 100_000) int cut) {
        List<MatchEvent> prefix = events.subList(0, 1 + cut % events.size());
        MatchState state = Scorer.fold(prefix);
        JsonNode view = MatchView.of(state);

        assertThat(view.get("status").asText()).isEqualTo(state.completed() ? "completed"
                : state.lastInnings() != null && !state.lastInnings().inPlay() ? "innings break" : "live");
        for (JsonNode inn : view.get("innings")) {
            int offTheBat = 0;
            for (JsonNode b : inn.get("batters")) {
                offTheBat += b.get("runs").asInt();
            }
            int extras = 0;
            for (JsonNode x : inn.get("extras")) {
                extras += x.asInt();
            }
            assertThat(inn.get("runs").asInt()).as("runs are the batters' and the extras").isEqualTo(offTheBat + extras);
            assertThat(inn.get("fallOfWickets").size()).isEqualTo(inn.get("wickets").asInt());
            if (inn.has("runsNeeded")) {
                assertThat(inn.get("runsNeeded").asInt())
                        .isEqualTo(Math.max(0, inn.at("/target/runs").asInt() - inn.get("runs").asInt()));
            }
            if (inn.has("ended")) {
                assertThat(inn.has("striker") || inn.has("thisOver") || inn.has("runsNeeded")).isFalse();
            }
        }
    }

    /**
     * Fed again once it has ended, a match changes nothing: every one of its events is refused. (An
     * event fed again mid-match never reaches the rules: the job drops an event id it has seen,
     * which {@code EntityStateFunctionTest.aRedeliveredEventIsIgnored} checks.)
     */
    @Property(tries = 30)
    void aMatchFedAgainAfterItEndedChangesNothing(@ForAll("recorded") List<MatchEvent> events) {
        MatchState ended = Scorer.fold(events);
        Scorer scorer = new Scorer();
        for (MatchEvent e : events) {
            assertThat(scorer.apply(ended, e, () -> events)).as("%s after the match ended", e.eventId())
                    .isInstanceOf(Decision.Rejected.class);
        }
    }

    @Provide
    Arbitrary<List<MatchEvent>> recorded() {
        return Arbitraries.of(RECORDED);
    }

    /** Continues a fold as the job does after a restore: the kept state, and the events since as history grows. */
    private static MatchState applyAll(MatchState state, List<MatchEvent> events, int from) {
        Scorer scorer = new Scorer();
        for (int i = from; i < events.size(); i++) {
            List<MatchEvent> history = events.subList(0, i);
            Decision<MatchState> decision = scorer.apply(state, events.get(i), () -> history);
            assertThat(decision).isInstanceOf(Decision.Accepted.class);
            state = ((Decision.Accepted<MatchState>) decision).state();
        }
        return state;
    }
}
