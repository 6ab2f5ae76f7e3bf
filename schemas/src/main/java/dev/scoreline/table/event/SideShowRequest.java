package dev.scoreline.table.event;

import java.time.Instant;

/** A seen player on turn pays to ask the previous player, who must have seen, to compare hands privately. */
public record SideShowRequest(String eventId, String tableId, Instant eventTime, String playerId)
        implements PlayerEvent {

    public static final String TYPE = "sideshow.request";
}
