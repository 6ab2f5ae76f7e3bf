package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The simulator's bots play every part of the game, and the rules accept every move they make. */
class SimulatedPlayTest {

    @Test
    void botsPlayVariedLegalHands() {
        Instant start = Instant.parse("2025-06-01T18:00:00Z");
        List<TableEvent> events = TableSimulator.play(2024, TableSimulator.Settings.finite(4, 60, start));
        Map<String, Integer> types = new TreeMap<>();
        Map<HandAction.Move, Integer> moves = new EnumMap<>(HandAction.Move.class);
        Map<HandResult.End, Integer> endings = new EnumMap<>(HandResult.End.class);

        new TableReplay(true).fold(events, step -> {
            types.merge(step.event().type(), 1, Integer::sum);
            Hand before = step.before() == null ? null : step.before().hand();
            Hand after = step.after().hand();
            if (after != null) {
                int from = before != null && before.number() == after.number() ? before.log().size() : 0;
                after.log().subList(from, after.log().size()).forEach(a -> moves.merge(a.move(), 1, Integer::sum));
                if (after.over() && (before == null || !before.over() || before.number() != after.number())) {
                    endings.merge(after.result().how(), 1, Integer::sum);
                }
            }
        });

        assertThat(types.keySet()).containsExactlyInAnyOrder(
                "table.open", "player.sit", "player.leave", "hand.start", "cards.see", "bet", "pack", "show",
                "sideshow.request", "sideshow.answer", "turn.timeout", "table.close");
        assertThat(moves.keySet()).containsExactlyInAnyOrder(HandAction.Move.values());
        assertThat(endings.keySet()).containsExactlyInAnyOrder(HandResult.End.values());
        assertThat(types.get("hand.start")).isEqualTo(4 * 60);
    }
}
