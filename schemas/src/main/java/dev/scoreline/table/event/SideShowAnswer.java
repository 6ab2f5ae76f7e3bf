package dev.scoreline.table.event;

import java.time.Instant;

/**
 * The asked player's answer to a side show.
 *
 * @param accept true to compare (the lower hand packs, the asker on a tie), false to refuse
 */
public record SideShowAnswer(
        String eventId,
        String tableId,
        Instant eventTime,
        String playerId,
        boolean accept)
        implements PlayerEvent {

    public static final String TYPE = "sideshow.answer";
}
