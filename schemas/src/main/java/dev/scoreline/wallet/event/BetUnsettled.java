package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * A correction ({@code delivery.undo}) took back the ball that settled the bet's market: the
 * wallet gives back the round's {@code payout} and the stake is the match's again, as if the ball
 * had never been bowled. Sent by the match, with the event id {@code <bet>:unsettled:<round>}.
 * The balance may fall below zero when the payout was spent; the wallet then refuses every stake,
 * buy-in and debit until credits or winnings bring it back.
 *
 * @param bet the bet's event id
 * @param round the settlement taken back
 */
public record BetUnsettled(String eventId, String playerId, Instant eventTime, String matchId, String bet, int round,
        String market, long stake, long payout) implements WalletEvent {

    public static final String TYPE = "bet.unsettled";
}
