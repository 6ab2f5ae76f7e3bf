package dev.scoreline.table.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.json.Json;
import dev.scoreline.table.event.TableEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TableSimulatorTest {

    private static final Instant START = Instant.parse("2025-06-01T18:00:00Z");

    @Test
    void theSameSeedGivesTheSameEvents() {
        TableSimulator.Settings settings = TableSimulator.Settings.finite(3, 5, START);

        List<TableEvent> first = TableSimulator.play(11, settings);
        List<TableEvent> second = TableSimulator.play(11, settings);
        List<TableEvent> other = TableSimulator.play(12, settings);

        assertThat(Json.string(first)).isEqualTo(Json.string(second));
        assertThat(Json.string(first)).isNotEqualTo(Json.string(other));
    }

    @Test
    void eventTimesNeverGoBackAndRiseWithinATable() {
        List<TableEvent> events = TableSimulator.play(5, TableSimulator.Settings.finite(4, 6, START));

        Map<String, Instant> last = new HashMap<>();
        Instant previous = START;
        for (TableEvent e : events) {
            assertThat(e.eventTime()).isAfterOrEqualTo(previous);
            previous = e.eventTime();
            Instant before = last.put(e.tableId(), e.eventTime());
            if (before != null) {
                assertThat(e.eventTime()).as("%s", e).isAfter(before);
            }
        }
        assertThat(events).extracting(TableEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aFiniteSimulationOpensPlaysAndClosesEveryTable() {
        List<TableEvent> events = TableSimulator.play(3, TableSimulator.Settings.finite(3, 4, START));

        Map<String, List<String>> types = events.stream().collect(Collectors.groupingBy(TableEvent::tableId,
                Collectors.mapping(TableEvent::type, Collectors.toList())));
        assertThat(types.keySet()).containsExactlyInAnyOrder("sim-1", "sim-2", "sim-3");
        types.values().forEach(t -> {
            assertThat(t.get(0)).isEqualTo("table.open");
            assertThat(t.get(t.size() - 1)).isEqualTo("table.close");
            assertThat(t.stream().filter("hand.start"::equals).count()).isEqualTo(4);
        });
    }

    @Test
    void theDemoNamesItsTablesDemoOneToN() {
        TableSimulator demo = new TableSimulator(1, TableSimulator.Settings.demo(3, START));

        Set<String> tables = demo.stream().limit(300).map(TableEvent::tableId).collect(Collectors.toSet());

        assertThat(tables).containsExactlyInAnyOrder("demo-1", "demo-2", "demo-3");
    }

    @Test
    void settingsOutsideTheirBoundsAreRefused() {
        TableSimulator.Settings settings = TableSimulator.Settings.finite(1, 1, START);

        assertThatThrownBy(() -> settings.withPlayers(7)).hasMessageContaining("players per table must be 2 to 6");
        assertThatThrownBy(() -> TableSimulator.play(1, TableSimulator.Settings.demo(1, START)))
                .hasMessageContaining("endless");
    }
}
