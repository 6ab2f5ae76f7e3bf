package dev.scoreline.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.wire.ClientMessage.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void aSingleChannelStreamUsesEpochColonVersion() {
        assertThat(EventIds.single("e-1", 42)).isEqualTo("e-1:42");
        assertThat(EventIds.parse("e-1:42", List.of("match:1"))).isEqualTo(Map.of("match:1", new Position("e-1", 42)));
    }

    @Test
    void aStreamOfSeveralChannelsCarriesEveryPosition() {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put("match:1", "e7:42");
        positions.put("table:t/seat:p", "e9:17");
        String id = EventIds.multi(positions);
        assertThat(id).isEqualTo("match:1=e7:42 table:t/seat:p=e9:17");
        assertThat(EventIds.parse(id, List.of("match:1", "table:t/seat:p")))
                .isEqualTo(Map.of("match:1", new Position("e7", 42), "table:t/seat:p", new Position("e9", 17)));
        assertThat(EventIds.parse(id, List.of("match:1"))).as("only the stream's own channels")
                .isEqualTo(Map.of("match:1", new Position("e7", 42)));
    }

    @Test
    void whatDoesNotParseStartsFromASnapshot() {
        List<String> one = List.of("match:1");
        assertThat(EventIds.parse(null, one)).isEmpty();
        assertThat(EventIds.parse("", one)).isEmpty();
        assertThat(EventIds.parse("noversion", one)).isEmpty();
        assertThat(EventIds.parse("e1:", one)).isEmpty();
        assertThat(EventIds.parse(":5", one)).isEmpty();
        assertThat(EventIds.parse("e1:-3", one)).isEmpty();
        assertThat(EventIds.parse("e1:x", one)).isEmpty();
        assertThat(EventIds.parse("e1:3", List.of("match:1", "match:2"))).as("whose position?").isEmpty();
        assertThat(EventIds.parse("=e1:3 match:1=bad", one)).isEmpty();
    }
}
