package dev.scoreline.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A playing card, written as two characters: the rank ({@code 2}-{@code 9}, {@code T}, {@code J},
 * {@code Q}, {@code K}, {@code A}) and the suit ({@code C}, {@code D}, {@code H}, {@code S}), such as
 * {@code TH} or {@code AS}.
 *
 * @param rank 2 to 14, the ace being 14
 */
public record Card(int rank, Suit suit) {

    private static final String RANKS = "23456789TJQKA";

    public enum Suit {
        CLUBS('C'),
        DIAMONDS('D'),
        HEARTS('H'),
        SPADES('S');

        private final char letter;

        Suit(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        static Suit of(char letter) {
            for (Suit suit : values()) {
                if (suit.letter == letter) {
                    return suit;
                }
            }
            throw new IllegalArgumentException("no suit '" + letter + "' (expected one of C, D, H, S)");
        }
    }

    public Card {
        if (rank < 2 || rank > 14 || suit == null) {
            throw new IllegalArgumentException("no card of rank " + rank + " and suit " + suit);
        }
    }

    /** The 52 cards, clubs first, each suit from 2 to ace: the order a deck is in before its shuffle. */
    public static List<Card> deck() {
        List<Card> deck = new ArrayList<>(52);
        for (Suit suit : Suit.values()) {
            for (int rank = 2; rank <= 14; rank++) {
                deck.add(new Card(rank, suit));
            }
        }
        return List.copyOf(deck);
    }

    @JsonCreator
    public static Card parse(String code) {
        if (code == null || code.length() != 2 || RANKS.indexOf(code.charAt(0)) < 0) {
            throw new IllegalArgumentException(
                    "not a card: '" + code + "' (expected a rank 2-9, T, J, Q, K, A and a suit C, D, H, S)");
        }
        return new Card(RANKS.indexOf(code.charAt(0)) + 2, Suit.of(code.charAt(1)));
    }

    @JsonValue
    public String code() {
        return "" + RANKS.charAt(rank - 2) + suit.letter();
    }

    @Override
    public String toString() {
        return code();
    }
}
