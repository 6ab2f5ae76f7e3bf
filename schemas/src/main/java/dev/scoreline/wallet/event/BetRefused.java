package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * The match refused the bet (its market was no longer open): the wallet releases the stake. Sent
 * by the match, with the event id {@code <bet>:refused}.
 *
 * @param bet the bet's event id
 * @param reason the match's reason, as the player's verdict gave it
 */
public record BetRefused(String eventId, String playerId, Instant eventTime, String matchId, String bet,
        String reason) implements WalletEvent {

    public static final String TYPE = "bet.refused";
}
