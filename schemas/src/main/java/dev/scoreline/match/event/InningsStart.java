package dev.scoreline.match.event;

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

    /**
     * Runs to win within {@code overs} whole overs and {@code balls} legal balls of one more over
     * (34.3 overs: 34 and 3); overs null when they are not limited, balls null meaning 0.
     */
    public record Target(int runs, Integer overs, Integer balls) {

        public Target(int runs, Integer overs) {
            this(runs, overs, null);
        }

        /** Legal balls the chase may last, null when the overs are not limited. */
        public Integer legalBalls(int ballsPerOver) {
            return overs == null ? null : overs * ballsPerOver + (balls == null ? 0 : balls);
        }
    }
}
