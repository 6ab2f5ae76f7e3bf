package dev.scoreline.table.event;

import java.time.Instant;

/** The player folds on their turn (or instead of answering a side show); they lose what they put in. */
public record Pack(String eventId, String tableId, Instant eventTime, String playerId) implements PlayerEvent {

    public static final String TYPE = "pack";
}
