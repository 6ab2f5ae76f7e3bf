package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * The game backend takes chips out of a player's wallet (a cash-out, a correction): refused when the
 * balance is less. With the house's take, the only way chips leave the game.
 *
 * @param cause why, as the player's history shows it
 */
public record Debit(String eventId, String playerId, Instant eventTime, long chips, String cause)
        implements WalletEvent {

    public static final String TYPE = "wallet.debit";
}
