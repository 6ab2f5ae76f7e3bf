package dev.scoreline.table.event;

import java.time.Instant;

/**
 * A bet on the player's turn: a blind bet while they have not seen their cards, a chaal once they have.
 *
 * @param amount chips put in the pot
 */
public record Bet(
        String eventId,
        String tableId,
        Instant eventTime,
        String playerId,
        long amount)
        implements PlayerEvent {

    public static final String TYPE = "bet";
}
