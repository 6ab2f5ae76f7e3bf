package dev.scoreline.table;

import java.util.Arrays;
import java.util.List;

/**
 * Ranks three-card Teen Patti hands: trail &gt; pure sequence &gt; sequence &gt; colour &gt; pair
 * &gt; high card. Sequences (pure or not) run A-K-Q &gt; A-2-3 &gt; K-Q-J &gt; ... &gt; 4-3-2. Within
 * a colour or a high card the ranks compare from the highest down; a pair compares its rank, then
 * the odd card. Suits never break a tie.
 */
public final class HandEvaluator {

    /** Larger than any strength within one category, so that a category outranks everything below it. */
    public static final int CATEGORY_WEIGHT = 10_000;

    private HandEvaluator() {}

    public static HandRank rank(List<Card> cards) {
        if (cards.size() != 3) {
            throw new IllegalArgumentException("a Teen Patti hand has three cards, not " + cards.size());
        }
        return rank(cards.get(0), cards.get(1), cards.get(2));
    }

    public static HandRank rank(Card a, Card b, Card c) {
        int[] r = {a.rank(), b.rank(), c.rank()};
        Arrays.sort(r);
        int high = r[2];
        int middle = r[1];
        int low = r[0];
        boolean sameSuit = a.suit() == b.suit() && b.suit() == c.suit();

        if (high == low) {
            return of(HandCategory.TRAIL, high);
        }
        if (high == middle || middle == low) {
            int pair = middle;
            int kicker = high == middle ? low : high;
            return of(HandCategory.PAIR, pair * 15 + kicker);
        }
        int run = sequenceValue(high, middle, low);
        if (run > 0) {
            return of(sameSuit ? HandCategory.PURE_SEQUENCE : HandCategory.SEQUENCE, run);
        }
        int byRanks = (high * 15 + middle) * 15 + low;
        return of(sameSuit ? HandCategory.COLOUR : HandCategory.HIGH_CARD, byRanks);
    }

    /**
     * 0 for three distinct ranks that do not run; otherwise the run's place: 4-3-2 is 4, K-Q-J is 13,
     * A-2-3 is 14 and A-K-Q is 15.
     */
    private static int sequenceValue(int high, int middle, int low) {
        if (high == 14 && middle == 13 && low == 12) {
            return 15;
        }
        if (high == 14 && middle == 3 && low == 2) {
            return 14;
        }
        return high - middle == 1 && middle - low == 1 ? high : 0;
    }

    private static HandRank of(HandCategory category, int strength) {
        return new HandRank(category, category.ordinal() * CATEGORY_WEIGHT + strength);
    }
}
