package dev.scoreline.market;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the house sets for every market. A replay of a match's log decides every bet the same way
 * only under the same terms, so they are the job's options, not something that changes mid-match.
 *
 * @param houseCutPercent the share of every pool with a winner that the house keeps, 0 to 50
 * @param betDelay a bet placed less than this before the ball (or other event) that closed its
 *     market is returned, not played: the feed reaches the job after a television picture reaches
 *     a viewer, and a bet made knowing the ball must not win
 * @param maxStake the largest stake one bet may have
 */
public record BettingTerms(int houseCutPercent, Duration betDelay, long maxStake) implements Serializable {

    public static final BettingTerms DEFAULT = new BettingTerms(5, Duration.ofSeconds(2), 1_000_000);

    public BettingTerms {
        if (houseCutPercent < 0 || houseCutPercent > 50) {
            throw new IllegalArgumentException("the house cut is 0 to 50 percent, not " + houseCutPercent);
        }
        if (betDelay == null || betDelay.isNegative()) {
            throw new IllegalArgumentException("the bet delay is zero or more, not " + betDelay);
        }
        if (maxStake < 1) {
            throw new IllegalArgumentException("the largest stake is at least 1, not " + maxStake);
        }
    }
}
