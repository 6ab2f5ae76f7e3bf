package dev.scoreline.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A player dealt into a hand.
 *
 * @param cards their three cards, known to the table only after a show
 * @param seen whether they have looked at their cards
 * @param packed whether they are out of the hand (packed, timed out, outranked in a side show or
 *     gone from the table)
 * @param blindTurns the bets they made without seeing
 * @param paid what they put in the pot in this hand, boot included
 * @param sawSeats the seats whose cards they were shown in an accepted side show
 */
public record HandPlayer(
        int seat,
        String playerId,
        List<Card> cards,
        boolean seen,
        boolean packed,
        int blindTurns,
        long paid,
        List<Integer> sawSeats) {

    public HandPlayer {
        cards = List.copyOf(cards);
        sawSeats = sawSeats == null ? List.of() : List.copyOf(sawSeats);
    }

    public boolean inPlay() {
        return !packed;
    }

    public HandRank rank() {
        return HandEvaluator.rank(cards);
    }

    HandPlayer seeing() {
        return new HandPlayer(seat, playerId, cards, true, packed, blindTurns, paid, sawSeats);
    }

    HandPlayer packing() {
        return new HandPlayer(seat, playerId, cards, seen, true, blindTurns, paid, sawSeats);
    }

    HandPlayer paying(long amount, boolean asBlindBet) {
        int blind = blindTurns + (asBlindBet ? 1 : 0);
        return new HandPlayer(seat, playerId, cards, seen, packed, blind, paid + amount, sawSeats);
    }

    HandPlayer shownCardsOf(int otherSeat) {
        List<Integer> saw = new ArrayList<>(sawSeats);
        saw.add(otherSeat);
        return new HandPlayer(seat, playerId, cards, seen, packed, blindTurns, paid, saw);
    }
}
