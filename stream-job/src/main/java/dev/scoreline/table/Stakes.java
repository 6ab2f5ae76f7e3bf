package dev.scoreline.table;

import dev.scoreline.table.event.TableConfig;

/**
 * What a move costs, given the current stake. A blind bet is 1 to 2 times the stake, a chaal (a
 * seen player's bet) 2 to 4 times it, and the chaal limit caps both bounds. A blind bet of b makes
 * the stake b; a chaal of c makes it c/2 (rounded down), but the stake never falls: when the cap
 * holds a chaal below twice the stake, the stake stays.
 */
final class Stakes {

    private Stakes() {}

    record Range(long min, long max) {}

    static Range bet(TableConfig config, long stake, boolean seen) {
        long min = seen ? 2 * stake : stake;
        long max = seen ? 4 * stake : 2 * stake;
        return new Range(Math.min(min, config.chaalLimit()), Math.min(max, config.chaalLimit()));
    }

    static long stakeAfter(long stake, long amount, boolean seen) {
        return seen ? Math.max(stake, amount / 2) : amount;
    }

    /** A blind player asks for a show paying the stake, a seen player paying the least chaal. */
    static long show(TableConfig config, long stake, boolean seen) {
        return seen ? bet(config, stake, true).min() : stake;
    }

    /** A side show costs the least chaal. */
    static long sideShow(TableConfig config, long stake) {
        return bet(config, stake, true).min();
    }
}
