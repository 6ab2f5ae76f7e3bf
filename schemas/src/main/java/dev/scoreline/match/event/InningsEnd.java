package dev.scoreline.match.event;

import java.time.Instant;

/**
 * Closes the current innings.
 *
 * @param reason why, when it is not the natural end (all out, overs done, target reached):
 *     {@code declared} or {@code forfeited}; null otherwise
 */
public record InningsEnd(String eventId, String matchId, Instant eventTime, String reason) implements MatchEvent {

    public static final String TYPE = "innings.end";
}
