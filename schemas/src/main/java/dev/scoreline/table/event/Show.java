package dev.scoreline.table.event;

import java.time.Instant;

/** With two players left, the player on turn pays to compare both hands; the hand ends. */
public record Show(String eventId, String tableId, Instant eventTime, String playerId) implements PlayerEvent {

    public static final String TYPE = "show";
}
