package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * The match took the bet into its market's pool: the reserved stake is the match's until the
 * market settles. Sent by the match, with the event id {@code <bet>:taken}.
 *
 * @param bet the bet's event id
 */
public record BetTaken(String eventId, String playerId, Instant eventTime, String matchId, String bet, long stake)
        implements WalletEvent {

    public static final String TYPE = "bet.taken";
}
