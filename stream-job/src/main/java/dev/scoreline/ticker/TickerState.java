package dev.scoreline.ticker;

import dev.scoreline.ticker.event.Line;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ticker's lines, by match id (sorted, so that the state and its JSON are the same whatever
 * order the lines came in).
 *
 * @param updates how many lines changed the ticker: the clock that says which line is the least
 *     recently updated, taken from the events alone (never the wall clock), so a replay evicts the
 *     same lines
 */
public record TickerState(long updates, Map<String, Held> matches) {

    public TickerState {
        matches = Collections.unmodifiableSortedMap(new TreeMap<>(matches));
    }

    /**
     * @param matchVersion the version of the match that sent the line
     * @param updated the ticker's {@link #updates} count when it took the line
     */
    public record Held(long matchVersion, long updated, Line line) {

        boolean completed() {
            return TickerRules.COMPLETED.equals(line.status());
        }
    }
}
