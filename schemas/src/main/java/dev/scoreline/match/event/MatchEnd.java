package dev.scoreline.match.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * Closes the match with what the officials announce; every part is optional, since the scorer
 * computes what the balls decide.
 *
 * @param outcome {@link #NO_RESULT}, {@link #DRAW} or {@link #TIE}; null for a win or when the
 *     officials say nothing
 * @param method how the match was decided where the balls alone do not decide it, such as
 *     {@code D/L}, {@code VJD}, {@code Awarded} or {@code boundary count}; null otherwise
 * @param winner the winner; with a tie, the winner of its tie-break
 * @param by the margin of a win, null when the officials give none
 */
public record MatchEnd(String eventId, String matchId, Instant eventTime, String outcome, String method,
        String winner, Margin by) implements MatchEvent {

    public static final String TYPE = "match.end";
    public static final String NO_RESULT = "no result";
    public static final String DRAW = "draw";
    public static final String TIE = "tie";

    /** A match.end that announces only an outcome or a method (or nothing). */
    public MatchEnd(String eventId, String matchId, Instant eventTime, String outcome, String method) {
        this(eventId, matchId, eventTime, outcome, method, null, null);
    }

    /** @param innings 1 for a win by an innings and {@code runs} */
    public record Margin(Integer runs, Integer wickets, Integer innings) {}

    /** Whether the officials announced anything beyond closing the match. */
    @JsonIgnore
    public boolean announcesDecision() {
        return outcome != null || winner != null || method != null;
    }
}
