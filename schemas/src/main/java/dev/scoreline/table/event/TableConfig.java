package dev.scoreline.table.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;

/**
 * How a table plays, fixed when it opens.
 *
 * @param seats how many seats, 2 to 6
 * @param boot what every dealt player puts in the pot when a hand starts; the first stake
 * @param chaalLimit the most chips one bet may be
 * @param maxBlindTurns how many bets a player may make without seeing their cards
 * @param potLimit the pot at which the hand ends in a forced show of every hand still in play
 * @param turnSeconds how long a player has to act before they pack automatically
 * @param minBuyIn the least chips a player may sit down with; null for the boot
 * @param maxBuyIn the most chips a player may sit down with; null for the most a table takes
 * @param wallets true when the seats are bought from the players' wallets: every sit must come
 *     from a wallet, and every stack that leaves a seat goes back to its wallet; null or false for
 *     a table whose chips are the table service's own (a simulation)
 */
public record TableConfig(int seats, long boot, long chaalLimit, int maxBlindTurns, long potLimit, int turnSeconds,
        Long minBuyIn, Long maxBuyIn, Boolean wallets) {

    /** A table that plays without wallets. */
    public TableConfig(int seats, long boot, long chaalLimit, int maxBlindTurns, long potLimit, int turnSeconds,
            Long minBuyIn, Long maxBuyIn) {
        this(seats, boot, chaalLimit, maxBlindTurns, potLimit, turnSeconds, minBuyIn, maxBuyIn, null);
    }

    @JsonIgnore
    public boolean playsFromWallets() {
        return Boolean.TRUE.equals(wallets);
    }

    @JsonIgnore
    public Duration turnTimeout() {
        return Duration.ofSeconds(turnSeconds);
    }
}
