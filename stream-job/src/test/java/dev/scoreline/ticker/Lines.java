package dev.scoreline.ticker;

import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.ticker.event.Line;
import dev.scoreline.ticker.event.MatchLine;
import dev.scoreline.ticker.event.TickerEvent;
import java.time.Instant;
import java.util.List;

/** Made-up ticker lines for the rules' tests, and the fold of a sequence of them. */
final class Lines {

    private static final Instant T0 = Instant.parse("2025-04-01T14:00:00Z");

    private Lines() {}

    static MatchLine live(String matchId, long version) {
        return line(matchId, version, new Line(List.of("A", "B"), "live", "A", version + "/0", "0." + version % 6, null, null));
    }

    static MatchLine completed(String matchId, long version) {
        return line(matchId, version, new Line(List.of("A", "B"), "completed", "B", "1/0", "0.1", null, "B won by 10 wickets"));
    }

    static MatchLine line(String matchId, long version, Line line) {
        return new MatchLine(MatchLine.idOf(matchId, version), Channel.SCORES, T0.plusSeconds(version), matchId, version,
                line);
    }

    static TickerState fold(TickerRules rules, List<? extends TickerEvent> events) {
        TickerState state = null;
        for (TickerEvent event : events) {
            state = apply(rules, state, event);
        }
        return state;
    }

    static TickerState apply(TickerRules rules, TickerState state, TickerEvent event) {
        Decision<TickerState> decision = rules.apply(state, event, List::of);
        if (decision instanceof Decision.Rejected<TickerState> rejected) {
            throw new AssertionError("rejected " + event + ": " + rejected.reason());
        }
        return ((Decision.Accepted<TickerState>) decision).state();
    }
}
