package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random games played by the simulator's bots under random table configurations, folded as the
 * job folds them, checked after every event: chips are conserved and never negative, every hand
 * has one winner (or an even split of a forced show among equal best hands), no public view (nor
 * the patch between two of them) ever holds a card that has not been shown to the table, a seat's
 * view holds only the cards that player may know, and the change log hides the seed until the hand
 * is over. Whether the job's timers or late events apply the time-outs, the tables are the same.
 */
class TablePlayProperties {

    private static final Instant START = Instant.parse("2025-06-01T18:00:00Z");

    @Provide
    Arbitrary<TableSimulator.Settings> games() {
        Arbitrary<TableConfig> configs = Combinators.combine(
                        Arbitraries.integers().between(2, 6),
                        Arbitraries.longs().between(1, 50),
                        Arbitraries.integers().between(1, 64),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(1, 150),
                        Arbitraries.integers().between(5, 60))
                .as((seats, boot, chaalTimes, blind, potTimes, seconds) -> new TableConfig(
                        seats, boot, boot * chaalTimes, blind, seats * boot + potTimes * boot, seconds, null, null));
        return Combinators.combine(
                        configs,
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(2, 6),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.doubles().between(0, 0.25))
                .as((config, tables, players, hands, timeouts) -> new TableSimulator.Settings(
                        tables, "t-", config, Math.min(players, config.seats()), hands, START, timeouts));
    }

    @Property(tries = 150)
    void everyStepKeepsTheTableHonest(@ForAll long seed, @ForAll("games") TableSimulator.Settings game) {
        List<TableEvent> events = TableSimulator.play(seed, game);
        TableReplay replay = new TableReplay(true);
        Map<String, Long> chipsIn = new HashMap<>();
        Map<String, JsonNode> lastPublic = new HashMap<>();

        replay.fold(events, step -> {
            TableState before = step.before();
            TableState after = step.after();
            TeenPattiRules rules = replay.rules();
            String table = step.event().tableId();

            long expected = chipsIn.getOrDefault(table, 0L);
            if (step.event() instanceof PlayerSit sit) {
                expected += sit.chips();
            } else if (step.event() instanceof PlayerLeave leave) {
                expected -= before.seatOf(leave.playerId()).orElseThrow().chips();
            }
            for (Seat seat : before == null ? List.<Seat>of() : before.seats()) {
                boolean left = step.event() instanceof PlayerLeave leave && leave.playerId().equals(seat.playerId());
                if (!left && after.seatOf(seat.playerId()).isEmpty()) {
                    // stood up for being absent: they only timed out, so they paid nothing in this step
                    expected -= seat.chips();
                }
            }
            chipsIn.put(table, expected);
            assertThat(after.chipsOnTable()).as("chips on %s after %s", table, step.event()).isEqualTo(expected);
            assertThat(after.seats()).allSatisfy(s -> assertThat(s.chips()).isNotNegative());
            if (after.hand() != null) {
                assertThat(after.hand().pot()).isNotNegative();
                assertThat(after.hand().players()).allSatisfy(p -> assertThat(p.paid()).isPositive());
            }

            if (endedAHand(before, after)) {
                checkResult(after.hand());
                assertThat(rules.revealed(step.event(), before, after)).isNotNull();
            } else {
                assertThat(rules.revealed(step.event(), before, after)).isNull();
            }
            assertThat(rules.loggedEvent(step.event(), before, after).has("seed")).isFalse();

            JsonNode publicView = rules.views(after).get(Channel.table(table));
            Set<String> hidden = hiddenCards(after);
            assertNoCard(publicView, hidden, "public view of " + table);
            JsonNode previous = lastPublic.put(table, publicView);
            if (previous != null) {
                assertNoCard(MergePatch.diff(previous, publicView), hidden, "public delta of " + table);
            }
            for (Seat seat : after.seats()) {
                JsonNode own = rules.views(after).get(Channel.seat(table, seat.playerId()));
                assertNoCard(own, unknownTo(after, seat), "view of " + seat.playerId());
            }
        });
        assertThat(replay.tables().values()).allSatisfy(t -> assertThat(t.closed()).isTrue());
    }

    @Property(tries = 80)
    void timersAndLateEventsGiveTheSameTables(@ForAll long seed, @ForAll("games") TableSimulator.Settings game) {
        List<TableEvent> events = TableSimulator.play(seed, game);
        Map<TableEvent, TableState> withTimers = new HashMap<>();
        new TableReplay(true).fold(events, step -> {
            if (!step.fromTimer()) {
                withTimers.put(step.event(), step.after());
            }
        });

        new TableReplay(false).fold(events, step ->
                assertThat(Json.tree(step.after())).as("after %s", step.event())
                        .isEqualTo(Json.tree(withTimers.get(step.event()))));
    }

    private static boolean endedAHand(TableState before, TableState after) {
        return before != null && before.handInPlay()
                && (after.hand().number() != before.hand().number() || after.hand().over());
    }

    /** A hand ended just now or, when overdue time-outs ended it and a new one started, earlier. */
    private static void checkResult(Hand hand) {
        if (!hand.over()) {
            return;
        }
        HandResult result = hand.result();
        long paid = hand.players().stream().mapToLong(HandPlayer::paid).sum();
        assertThat(result.winners().stream().mapToLong(Winner::amount).sum()).as("the pot goes to the winners")
                .isEqualTo(paid);
        assertThat(result.winners()).allSatisfy(w -> assertThat(hand.player(w.seat()).orElseThrow().inPlay()).isTrue());
        if (result.winners().size() > 1) {
            assertThat(result.how()).isEqualTo(HandResult.End.POT_LIMIT);
            Set<Integer> scores = new HashSet<>();
            result.winners().forEach(w -> scores.add(hand.player(w.seat()).orElseThrow().rank().score()));
            assertThat(scores).hasSize(1);
            long share = paid / result.winners().size();
            assertThat(result.winners().get(0).amount()).isEqualTo(share + paid % result.winners().size());
            assertThat(result.winners().subList(1, result.winners().size())).allSatisfy(w -> assertThat(w.amount())
                    .isEqualTo(share));
        } else {
            assertThat(result.winners()).hasSize(1);
        }
        if (result.how() != HandResult.End.OTHERS_PACKED) {
            int best = result.shown().stream()
                    .mapToInt(s -> hand.player(s).orElseThrow().rank().score())
                    .max()
                    .orElseThrow();
            assertThat(result.winners()).allSatisfy(w -> assertThat(hand.player(w.seat()).orElseThrow().rank().score())
                    .isEqualTo(best));
        } else {
            assertThat(hand.inPlay()).hasSize(1);
        }
    }

    /** The cards of the current hand that the table has not been shown. */
    private static Set<String> hiddenCards(TableState state) {
        Set<String> hidden = new HashSet<>();
        Hand hand = state.hand();
        if (hand != null) {
            for (HandPlayer p : hand.players()) {
                if (!hand.over() || !hand.result().shown().contains(p.seat())) {
                    p.cards().forEach(c -> hidden.add(c.code()));
                }
            }
        }
        return hidden;
    }

    /** The cards of the current hand that the seated player has neither seen as their own nor been shown. */
    private static Set<String> unknownTo(TableState state, Seat seat) {
        Set<String> unknown = hiddenCards(state);
        Hand hand = state.hand();
        if (hand == null) {
            return unknown;
        }
        hand.player(seat.seat()).filter(p -> p.playerId().equals(seat.playerId())).ifPresent(me -> {
            if (me.seen()) {
                me.cards().forEach(c -> unknown.remove(c.code()));
            }
            me.sawSeats().forEach(s -> hand.player(s).orElseThrow().cards().forEach(c -> unknown.remove(c.code())));
        });
        return unknown;
    }

    private static void assertNoCard(JsonNode node, Set<String> hidden, String where) {
        if (node.isTextual()) {
            assertThat(hidden).as("%s shows %s", where, node.asText()).doesNotContain(node.asText());
        }
        node.forEach(child -> assertNoCard(child, hidden, where));
    }
}
