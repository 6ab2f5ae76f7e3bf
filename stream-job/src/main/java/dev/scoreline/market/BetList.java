package dev.scoreline.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bets of one market, oldest first: immutable to its readers, and appending makes a new list
 * that shares the old one's bets. A market takes thousands of bets a second, and copying its
 * whole list for each (the states of entities are immutable) would cost the square of its size.
 * A list appends in place when it is the latest of its line, and copies otherwise; each list reads
 * only its own first {@code size} bets, so the older lists are unchanged.
 */
public final class BetList extends AbstractList<MarketBet> {

    private static final BetList EMPTY = new BetList(new ArrayList<>(0), 0);

    private final ArrayList<MarketBet> shared;
    private final int size;

    private BetList(ArrayList<MarketBet> shared, int size) {
        this.shared = shared;
        this.size = size;
    }

    public static BetList empty() {
        return EMPTY;
    }

    @JsonCreator
    public static BetList of(List<MarketBet> bets) {
        return bets.isEmpty() ? EMPTY : new BetList(new ArrayList<>(bets), bets.size());
    }

    /** This list with {@code bet} after its last. */
    public BetList plus(MarketBet bet) {
        Objects.requireNonNull(bet);
        synchronized (shared) {
            if (this != EMPTY && shared.size() == size) {
                shared.add(bet);
                return new BetList(shared, size + 1);
            }
        }
        ArrayList<MarketBet> copy = new ArrayList<>(Math.max(8, size * 2));
        copy.addAll(shared.subList(0, size));
        copy.add(bet);
        return new BetList(copy, size + 1);
    }

    @Override
    public MarketBet get(int index) {
        Objects.checkIndex(index, size);
        return shared.get(index);
    }

    @Override
    public int size() {
        return size;
    }
}
