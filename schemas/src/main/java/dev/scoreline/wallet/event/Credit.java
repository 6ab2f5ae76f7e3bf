package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * The game backend puts chips into a player's wallet: a purchase, a bonus, a correction. The only
 * way chips enter the game.
 *
 * @param eventId the backend's own id for this credit (a purchase's order number): sending it again
 *     credits nothing more
 * @param cause why, as the player's history shows it: {@code purchase}, {@code bonus},
 *     {@code correction} or the backend's own word
 */
public record Credit(String eventId, String playerId, Instant eventTime, long chips, String cause)
        implements WalletEvent {

    public static final String TYPE = "wallet.credit";
}
