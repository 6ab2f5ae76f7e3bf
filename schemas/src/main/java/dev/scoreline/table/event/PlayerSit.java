package dev.scoreline.table.event;

import java.time.Instant;

/**
 * A player takes a free seat with a buy-in; they are dealt in from the next hand.
 *
 * @param seat from 1 to the number of seats
 * @param chips the buy-in, at least the boot
 */
public record PlayerSit(
        String eventId,
        String tableId,
        Instant eventTime,
        String playerId,
        int seat,
        long chips)
        implements PlayerEvent {

    public static final String TYPE = "player.sit";
}
