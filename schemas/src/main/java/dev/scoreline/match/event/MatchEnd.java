package dev.scoreline.match.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * Closes the match with only what a live feed knows.
 *
 * @param outcome {@code no result} when play was abandoned without a result; null when the
 *     balls decide it
 * @param method how a shortened match was decided, such as {@code D/L}; null otherwise
 */
public record MatchEnd(String eventId, String matchId, Instant eventTime, String outcome, String method)
        implements MatchEvent {

    public static final String TYPE = "match.end";
    public static final String NO_RESULT = "no result";

    @Override
    @JsonIgnore
    public String type() {
        return TYPE;
    }
}
