package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * A table refused the sit: the wallet releases the reservation. Sent by the table, with the event
 * id {@code <reservation>:refused}.
 *
 * @param reservation the sit's event id
 * @param reason the table's reason, as the player's verdict gave it
 */
public record SeatRefused(String eventId, String playerId, Instant eventTime, String tableId, String reservation,
        String reason) implements WalletEvent {

    public static final String TYPE = "seat.refused";
}
