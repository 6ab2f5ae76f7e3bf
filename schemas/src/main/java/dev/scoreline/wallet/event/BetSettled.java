package dev.scoreline.wallet.event;

import java.time.Instant;

/**
 * The bet's market settled: {@code payout} chips come to the wallet (0 for a losing bet, the stake
 * for a bet returned). Sent by the match, with the event id {@code <bet>:settled:<round>}: a
 * market that a correction unsettled settles again in the next round.
 *
 * @param bet the bet's event id
 * @param round the market's settlement this is, from 1
 * @param outcome the winning outcome, null when every stake was returned
 * @param result {@code won}, {@code lost} or {@code returned}
 * @param why for a bet returned: why (nobody backed the winner, no result, the bet delay)
 */
public record BetSettled(String eventId, String playerId, Instant eventTime, String matchId, String bet, int round,
        String market, String outcome, String result, long stake, long payout, String why) implements WalletEvent {

    public static final String TYPE = "bet.settled";
}
