package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.json.MessageSchema;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.sim.TableSimulator;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the simulator sends and what the rules make at a deadline are valid {@code table-event}
 * messages, and read back as the same records.
 */
class TableEventSchemaTest {

    private static final MessageSchema SCHEMA = MessageSchema.named("table-event");

    @Test
    void everyEventOfASimulationAndEveryTimeOutIsAValidTableEvent() {
        Instant start = Instant.parse("2025-06-01T18:00:00Z");
        List<TableEvent> events = TableSimulator.play(8, TableSimulator.Settings.finite(2, 20, start));
        Set<String> kinds = new HashSet<>();

        new TableReplay(true).fold(events, step -> {
            JsonNode json = Json.tree(Json.bytes(step.event()));
            assertThat(SCHEMA.validate(json)).as("%s", json).isEmpty();
            assertThat(Json.convert(json, TableEvent.class)).isEqualTo(step.event());
            kinds.add(step.event().type());
        });

        assertThat(kinds).containsExactlyInAnyOrderElementsOf(SCHEMA.kinds());
    }
}
