package dev.scoreline.match.event;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
     * @param nonBoundary true when four or six runs were run, not hit to the boundary; false when
     *     absent
     */
    public record Runs(int batter, int extras, int total, @JsonSetter(nulls = Nulls.AS_EMPTY) boolean nonBoundary) {}

    /**
     * Extras by kind. A feed names only the kinds that occurred (Cricsheet writes
     * {@code {"wides": 1}}), so an absent kind reads as 0, while the mapper's
     * FAIL_ON_NULL_FOR_PRIMITIVES still rejects a missing required number elsewhere.
     */
    public record Extras(
            @JsonSetter(nulls = Nulls.AS_EMPTY) int wides,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int noballs,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int byes,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int legbyes,
            @JsonSetter(nulls = Nulls.AS_EMPTY) int penalty) {
        public static final Extras NONE = new Extras(0, 0, 0, 0, 0);
    }

    public record Wicket(String kind, String playerOut, List<String> fielders) {
        public Wicket {
            fielders = fielders == null ? List.of() : List.copyOf(fielders);
        }
    }
}
