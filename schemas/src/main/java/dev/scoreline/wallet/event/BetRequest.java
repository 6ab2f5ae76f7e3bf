package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * A player's bet on a match, as a gateway writes it from their act on the match's channel: the
 * wallet reserves the stake (or refuses: the player's verdict) and passes the bet on to
 * {@code match-events}, keyed by the match, under the same event id; the match's verdict is the
 * player's.
 *
 * @param eventId the action's id, {@code act:<playerId>:<actionId>}; also the bet's
 */
public record BetRequest(String eventId, String playerId, Instant eventTime, String matchId, String market,
        String outcome, long stake) implements WalletEvent {

    public static final String TYPE = "bet.place";
}
