package dev.scoreline.table;

/**
 * A taken seat: who sits there and the chips they have in front of them (not counting the pot).
 *
 * @param absentHands the hands in a row, up to the last one, in which the player only ran out of
 *     time; null for none (states written before it existed have none)
 */
public record Seat(int seat, String playerId, long chips, Integer absentHands) {

    Seat(int seat, String playerId, long chips) {
        this(seat, playerId, chips, null);
    }

    Seat withChips(long newChips) {
        return new Seat(seat, playerId, newChips, absentHands);
    }

    int absent() {
        return absentHands == null ? 0 : absentHands;
    }

    Seat withAbsentHands(int hands) {
        return new Seat(seat, playerId, chips, hands == 0 ? null : hands);
    }
}
