package dev.scoreline.table.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A player takes a free seat with a buy-in; they are dealt in from the next hand.
 *
 * @param seat from 1 to the number of seats
 * @param chips the buy-in, at least the boot
 * @param fromWallet true when the player's wallet reserved the buy-in and passed the sit on (a
 *     player's sit always comes this way): the table answers the wallet, and the chips go back to
 *     it when the player leaves; null or false for a sit the table service makes itself, at a
 *     table that plays without wallets
 */
public record PlayerSit(
        String eventId,
        String tableId,
        Instant eventTime,
        String playerId,
        int seat,
        long chips,
        Boolean fromWallet)
        implements PlayerEvent {

    public static final String TYPE = "player.sit";

    /** A sit at a table that plays without wallets. */
    public PlayerSit(String eventId, String tableId, Instant eventTime, String playerId, int seat, long chips) {
        this(eventId, tableId, eventTime, playerId, seat, chips, null);
    }

    @JsonIgnore
    public boolean funded() {
        return Boolean.TRUE.equals(fromWallet);
    }
}
