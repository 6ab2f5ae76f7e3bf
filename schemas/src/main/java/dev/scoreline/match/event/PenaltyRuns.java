package dev.scoreline.match.event;

import java.time.Instant;

/**
 * Penalty runs awarded to the side batting in the latest innings outside any delivery (Cricsheet's
 * {@code penalty_runs} before or after an innings): they count in its total and its penalty extras.
 */
public record PenaltyRuns(String eventId, String matchId, Instant eventTime, int runs) implements MatchEvent {

    public static final String TYPE = "penalty.runs";
}
