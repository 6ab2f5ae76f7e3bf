package dev.scoreline.table;

/** A taken seat: who sits there and the chips they have in front of them (not counting the pot). */
public record Seat(int seat, String playerId, long chips) {

    Seat withChips(long newChips) {
        return new Seat(seat, playerId, newChips);
    }
}
