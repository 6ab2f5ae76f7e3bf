package dev.scoreline.table.event;

import java.time.Instant;

/** A blind player looks at their cards, at any time during the hand; from then on they bet as a seen player. */
public record CardsSee(String eventId, String tableId, Instant eventTime, String playerId) implements PlayerEvent {

    public static final String TYPE = "cards.see";
}
