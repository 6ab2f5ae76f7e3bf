package dev.scoreline.table;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deal of a hand, a function of its seed alone: the 52 cards of {@link Card#deck()} are
 * shuffled by Fisher-Yates driven by {@code new SplittableRandom(seed)} (for i from 51 down to 1,
 * swap card i with card {@code nextInt(i + 1)}), and the k-th dealt player in seat order takes
 * cards 3k, 3k+1 and 3k+2 of the shuffled deck.
 */
public final class Deck {

    private Deck() {}

    public static List<Card> shuffled(long seed) {
        List<Card> cards = new ArrayList<>(Card.deck());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = cards.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Card swapped = cards.get(i);
            cards.set(i, cards.get(j));
            cards.set(j, swapped);
        }
        return List.copyOf(cards);
    }

    /** Three cards for each of {@code players} players, in seat order. */
    public static List<List<Card>> deal(long seed, int players) {
        if (players < 1 || players * 3 > 52) {
            throw new IllegalArgumentException("cannot deal to " + players + " players");
        }
        List<Card> cards = shuffled(seed);
        List<List<Card>> hands = new ArrayList<>(players);
        for (int k = 0; k < players; k++) {
            hands.add(cards.subList(3 * k, 3 * k + 3));
        }
        return List.copyOf(hands);
    }
}
