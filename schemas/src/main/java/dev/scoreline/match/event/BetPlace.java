package dev.scoreline.match.event;

import java.time.Instant;

/**
 * A player's bet on one of the match's markets, as their wallet writes it to the match's own
 * partition once the stake is reserved: the match accepts it if the market is open at this point
 * of its log (no ball has settled or suspended it yet) and answers the player, or refuses it and
 * tells the wallet, which releases the stake.
 *
 * @param eventId the player's action id, {@code act:<playerId>:<actionId>}; also the bet's id
 * @param eventTime when the gateway took the bet: the bet delay compares it with the ball's time
 * @param market {@code ball:<innings>.<delivery>}, {@code over:<innings>.<over>} or {@code winner}
 * @param outcome what the player backs (for a ball: dot, 1, 2, 3, 4, 6, wicket, extra)
 */
public record BetPlace(
        String eventId,
        String matchId,
        Instant eventTime,
        String playerId,
        String market,
        String outcome,
        long stake)
        implements MatchEvent {

    public static final String TYPE = "bet.place";
}
