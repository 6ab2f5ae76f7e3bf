package dev.scoreline.match.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * One ball bowled, legal or not.
 *
 * @param over the over number as the feed counts it, from 0; an over ends when this number
 *     changes, however many legal balls it held
 * @param extras extras by kind, absent when there were none
 * @param wickets dismissals on this ball, usually none, occasionally two (a run out after a
 *     retirement, for instance)
 */
public record Delivery(
        String eventId,
        String matchId,
        Instant eventTime,
        int over,
        String batter,
        String bowler,
        String nonStriker,
        Runs runs,
        Extras extras,
        List<Wicket> wickets)
        implements MatchEvent {

    public static final String TYPE = "delivery";

    public Delivery {
        extras = extras == null ? Extras.NONE : extras;
        wickets = wickets == null ? List.of() : List.copyOf(wickets);
    }

    /**
     * @param nonBoundary true when four or six runs were run, not hit to the boundary
     */
    public record Runs(int batter, int extras, int total, boolean nonBoundary) {}

    public record Extras(int wides, int noballs, int byes, int legbyes, int penalty) {
        public static final Extras NONE = new Extras(0, 0, 0, 0, 0);
    }

    public record Wicket(String kind, String playerOut, List<String> fielders) {
        public Wicket {
            fielders = fielders == null ? List.of() : List.copyOf(fielders);
        }
    }

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
