package dev.scoreline.bench.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.json.Json;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InputsTest {

    private static final Path DATA = Path.of("..", "data", "cricsheet");

    @Test
    void copiesAreWholeMatchesUnderNewIdsThatScoreAsTheOriginals() {
        List<List<MatchEvent>> recorded = Inputs.recorded(DATA);
        List<List<Inputs.Keyed>> copies = Inputs.matches(recorded, recorded.get(0).size() + 1, "bm");
        assertThat(copies).hasSize(2);

        List<MatchEvent> copy = copies.get(0).stream().map(k -> Json.read(k.value(), MatchEvent.class)).toList();
        assertThat(copy).allSatisfy(e -> {
            assertThat(e.matchId()).isEqualTo("bm0");
            assertThat(e.eventId()).startsWith("bm0:");
        });
        assertThat(copies.get(0)).allSatisfy(k -> assertThat(k.key()).isEqualTo("bm0"));
        Set<String> ids = new HashSet<>();
        copy.forEach(e -> ids.add(e.eventId()));
        assertThat(ids).hasSize(copy.size());
        // the copy is the same match: the scorer gives the same innings, whatever the id
        assertThat(Json.tree(Scorer.fold(copy).innings()))
                .isEqualTo(Json.tree(Scorer.fold(recorded.get(0)).innings()));
    }

    @Test
    void interleavingKeepsEveryMatchInOrder() {
        List<List<Inputs.Keyed>> matches = Inputs.copies(Inputs.recorded(DATA), 3, "x");
        List<Inputs.Keyed> mixed = Inputs.interleave(matches);
        assertThat(mixed).hasSize(matches.stream().mapToInt(List::size).sum());
        for (List<Inputs.Keyed> match : matches) {
            String key = match.get(0).key();
            assertThat(mixed.stream().filter(k -> k.key().equals(key)).toList()).containsExactlyElementsOf(match);
        }
        assertThat(mixed.subList(0, 3)).extracting(Inputs.Keyed::key).containsExactly("x0", "x1", "x2");
    }

    @Test
    void tablesGiveAtLeastTheEventsAskedFor() {
        List<Inputs.Keyed> events = Inputs.tables(2000, 5, 1);
        assertThat(events.size()).isGreaterThanOrEqualTo(2000);
        assertThat(events).extracting(Inputs.Keyed::key).allSatisfy(k -> assertThat(k).startsWith("sim-"));
    }
}
