package dev.scoreline.match.event;

import java.time.Instant;

/** Retracts the last delivery of the match (a scorer's correction); the state is folded again without it. */
public record DeliveryUndo(String eventId, String matchId, Instant eventTime) implements MatchEvent {

    public static final String TYPE = "delivery.undo";
}
