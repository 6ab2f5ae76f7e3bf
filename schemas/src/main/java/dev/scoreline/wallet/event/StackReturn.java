package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * A player's stack leaves a table for their wallet: they left, were stood up for being absent, or
 * the table closed. Sent by the table with the event id {@code <tableId>@<tableVersion>:<playerId>},
 * the same on a replay.
 *
 * @param chips what the seat held when the player left it (zero when they lost it all)
 */
public record StackReturn(String eventId, String playerId, Instant eventTime, String tableId, long chips)
        implements WalletEvent {

    public static final String TYPE = "stack.return";
}
