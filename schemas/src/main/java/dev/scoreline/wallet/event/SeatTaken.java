package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * A table seated the player with the chips the wallet reserved: the reservation becomes a stack at
 * the table. Sent by the table, with the event id {@code <reservation>:seated}.
 *
 * @param reservation the sit's event id
 */
public record SeatTaken(String eventId, String playerId, Instant eventTime, String tableId, String reservation,
        long chips) implements WalletEvent {

    public static final String TYPE = "seat.taken";
}
