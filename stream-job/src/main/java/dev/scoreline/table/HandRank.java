package dev.scoreline.table;

/**
 * The strength of a three-card hand. Two hands compare by {@link #score} alone: equal scores tie
 * (suits never break a tie), a higher score wins.
 *
 * @param score the category times {@link HandEvaluator#CATEGORY_WEIGHT} plus the strength within the
 *     category
 */
public record HandRank(HandCategory category, int score) implements Comparable<HandRank> {

    @Override
    public int compareTo(HandRank other) {
        return Integer.compare(score, other.score);
    }

    public boolean beats(HandRank other) {
        return score > other.score;
    }
}
