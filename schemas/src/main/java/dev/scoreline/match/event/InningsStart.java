package dev.scoreline.match.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;

/**
 * Starts an innings.
 *
 * @param superOver true for a super over; false when absent
 * @param target the target the officials set, when the feed gives one (a reduced or D/L match);
 *     absent, the scorer derives it from the earlier innings
 */
public record InningsStart(
        String eventId,
        String matchId,
        Instant eventTime,
        String battingTeam,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean superOver,
        Target target)
        implements MatchEvent {

    public static final String TYPE = "innings.start";

    /** Runs to win, within how many overs (null when the overs are not limited). */
    public record Target(int runs, Integer overs) {}

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
