package dev.scoreline.market;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One market that players have bet on.
 *
 * @param stakes the chips backing each outcome
 * @param pool every stake in the market
 * @param closedAt when the event that closed the market to bets happened; null while it is open
 *     (or not yet open)
 * @param settled the settlement that stands, null while the market is undecided
 * @param rounds how many settlements the market has had, those taken back by corrections included
 */
public record Market(String id, BetList bets, Map<String, Long> stakes, long pool, Instant closedAt,
        Settlement settled, int rounds) {

    public Market {
        bets = bets == null ? BetList.empty() : bets;
        stakes = stakes == null ? Map.of() : stakes;
    }

    static Market opening(String id) {
        return new Market(id, BetList.empty(), Map.of(), 0, null, null, 0);
    }

    /**
     * A settlement: which outcome won, over which of the market's bets.
     *
     * @param outcome the winning outcome, null when the market is void
     * @param voidWhy why it is void
     * @param bets the count of the market's first bets it settled (bets placed after a correction
     *     reopened the market come later)
     * @param closedAtMillis the close the bet delay was measured from
     * @param cutPercent the house's cut it was settled with
     * @param delayMillis the bet delay it was settled with
     * @param house what the house took
     */
    public record Settlement(int round, String outcome, String voidWhy, int bets, long closedAtMillis,
            int cutPercent, long delayMillis, long house) {

        /** The terms it was settled under: a correction takes back what was paid, whatever the terms now. */
        BettingTerms terms() {
            return new BettingTerms(cutPercent, Duration.ofMillis(delayMillis), Long.MAX_VALUE);
        }
    }

    Market plus(MarketBet bet) {
        Map<String, Long> next = new TreeMap<>(stakes);
        next.merge(bet.outcome(), bet.stake(), Long::sum);
        return new Market(id, bets.plus(bet), next, pool + bet.stake(), closedAt, settled, rounds);
    }

    Market closed(Instant at) {
        return new Market(id, bets, stakes, pool, at, settled, rounds);
    }

    Market reopened() {
        return new Market(id, bets, stakes, pool, null, settled, rounds);
    }

    Market settledAs(Settlement settlement) {
        return new Market(id, bets, stakes, pool, closedAt, settlement, settlement.round());
    }

    Market unsettled() {
        return new Market(id, bets, stakes, pool, closedAt, null, rounds);
    }

    /** The shares of a settlement of this market, as they were paid. */
    public Pool.Division division(Settlement s) {
        List<MarketBet> covered = bets.subList(0, s.bets());
        return Pool.divide(covered, s.outcome(), s.voidWhy(), s.closedAtMillis(), s.terms());
    }
}
