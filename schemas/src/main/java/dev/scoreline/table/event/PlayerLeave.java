package dev.scoreline.table.event;

import java.time.Instant;

/** A player leaves with their chips; one still playing a hand packs first. */
public record PlayerLeave(String eventId, String tableId, Instant eventTime, String playerId) implements PlayerEvent {

    public static final String TYPE = "player.leave";
}
