package dev.scoreline.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.match.MatchView;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.MatchEvent;
import java.util.List;

/** What the scorer itself makes of a match's events: the results a test expects of the cluster. */
final class Matches {

    private Matches() {}

    /** The public view of the match after all its events, folded by the scorer directly. */
    static ObjectNode finalView(List<MatchEvent> events) {
        return MatchView.of(Scorer.fold(events));
    }

    /**
     * The version (1-based event count) of the last event that changed the public view: the last
     * version a delta of the match's channel can carry.
     */
    static long lastVisibleVersion(List<MatchEvent> events) {
        JsonNode previous = null;
        long last = 0;
        for (int i = 1; i <= events.size(); i++) {
            JsonNode view = MatchView.of(Scorer.fold(events.subList(0, i)));
            if (!view.equals(previous)) {
                last = i;
            }
            previous = view;
        }
        return last;
    }
}
