package dev.scoreline.market;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Shares one decided market's pool: the winners share it, less the house's cut, in proportion to
 * their stakes, in whole chips, the remainders to the house. Every stake comes back when nobody
 * backed the winning outcome, when the market has no outcome (void), and for a bet placed within
 * the bet delay of the market's close (kept out of the pool). Chips are only moved, never made:
 * the payouts and the house's take add up to the stakes, exactly.
 */
public final class Pool {

    public static final String WON = "won";
    public static final String LOST = "lost";
    public static final String RETURNED = "returned";

    private Pool() {}

    /**
     * One bet's share.
     *
     * @param why for a bet returned: why
     */
    public record Share(MarketBet bet, String result, long payout, String why) {}

    /** The shares of every bet (in the bets' order) and the house's take. */
    public record Division(List<Share> shares, long house) {}

    /**
     * @param outcome the winning outcome, null when the market is void
     * @param voidWhy why the market is void, when it is
     * @param closedAtMillis when the market closed, for the bet delay
     */
    public static Division divide(List<MarketBet> bets, String outcome, String voidWhy, long closedAtMillis,
            BettingTerms terms) {
        long delay = terms.betDelay().toMillis();
        long pool = 0;
        long backed = 0;
        for (MarketBet bet : bets) {
            if (!late(bet, closedAtMillis, delay)) {
                pool += bet.stake();
                if (bet.outcome().equals(outcome)) {
                    backed += bet.stake();
                }
            }
        }
        String returned = outcome == null ? voidWhy : backed == 0 ? "nobody backed " + outcome : null;
        long net = pool - pool * terms.houseCutPercent() / 100;
        List<Share> shares = new ArrayList<>(bets.size());
        long paid = 0;
        for (MarketBet bet : bets) {
            Share share;
            if (late(bet, closedAtMillis, delay)) {
                share = new Share(bet, RETURNED, bet.stake(), "placed within the bet delay of "
                        + terms.betDelay().toMillis() / 1000.0 + " s before the market closed");
            } else if (returned != null) {
                share = new Share(bet, RETURNED, bet.stake(), returned);
            } else if (bet.outcome().equals(outcome)) {
                long payout = BigInteger.valueOf(net).multiply(BigInteger.valueOf(bet.stake()))
                        .divide(BigInteger.valueOf(backed)).longValueExact();
                share = new Share(bet, WON, payout, null);
                paid += payout;
            } else {
                share = new Share(bet, LOST, 0, null);
            }
            shares.add(share);
        }
        return new Division(shares, returned != null ? 0 : pool - paid);
    }

    private static boolean late(MarketBet bet, long closedAtMillis, long delay) {
        return bet.placedAt().toEpochMilli() > closedAtMillis - delay;
    }
}
