package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * A player asks for a seat with a buy-in: their {@code player.sit}, which a gateway sends to the
 * wallet first. The wallet reserves the buy-in (or refuses) and passes the sit on to the table
 * under the same event id, which the table answers with the player's verdict.
 *
 * @param eventId the action's id, {@code act:<playerId>:<actionId>}; also the reservation's
 */
public record SitRequest(String eventId, String playerId, Instant eventTime, String tableId, int seat, long chips)
        implements WalletEvent {

    public static final String TYPE = "player.sit";
}
