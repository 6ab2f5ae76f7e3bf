package dev.scoreline.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import dev.scoreline.ticker.event.MatchLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever lines come, in whatever order: the ticker's bounds hold and the same lines give the same ticker. */
class TickerProperties {

    private static final int KEPT = 3;
    private static final int CAP = 8;

    private final TickerRules rules = new TickerRules(KEPT, CAP);

    @Provide
    Arbitrary<List<MatchLine>> feeds() {
        Arbitrary<MatchLine> line = Combinators.combine(
                        Arbitraries.integers().between(0, 15),
                        Arbitraries.longs().between(1, 30),
                        Arbitraries.of(true, false))
                .as((match, version, done) -> done ? Lines.completed("m" + match, version) : Lines.live("m" + match, version));
        return line.list().ofMaxSize(120);
    }

    @Property
    void boundsHoldAndEveryHeldLineIsTheHighestVersionSeenOfItsMatch(@ForAll("feeds") List<MatchLine> feed) {
        TickerState state = null;
        // since the match was last taken in: an evicted match that comes back starts afresh
        Map<String, MatchLine> highest = new HashMap<>();
        for (MatchLine line : feed) {
            state = Lines.apply(rules, state, line);
            highest.merge(line.matchId(), line, (a, b) -> b.matchVersion() > a.matchVersion() ? b : a);
            highest.keySet().retainAll(state.matches().keySet());

            assertThat(state.matches()).hasSizeLessThanOrEqualTo(CAP);
            assertThat(state.matches().values().stream().filter(TickerState.Held::completed)).hasSizeLessThanOrEqualTo(KEPT);
            state.matches().forEach((id, held) -> assertThat(held.line()).isEqualTo(highest.get(id).line()));
        }
    }

    @Property
    void theSameLinesGiveTheSameTickerAndViewEvenFromItsStoredJson(@ForAll("feeds") List<MatchLine> feed) {
        TickerState folded = Lines.fold(rules, feed);
        TickerState again = null;
        for (MatchLine line : new ArrayList<>(feed)) {
            TickerState stored = again == null ? null : Json.read(Json.bytes(again), TickerState.class);
            again = Lines.apply(new TickerRules(KEPT, CAP), stored, line);
        }

        assertThat(again).isEqualTo(folded);
        if (folded != null) {
            assertThat(Json.string(again)).isEqualTo(Json.string(folded));
            assertThat(rules.views(again).get(Channel.scores())).isEqualTo(rules.views(folded).get(Channel.scores()));
        }
    }
}
