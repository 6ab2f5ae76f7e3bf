package dev.scoreline.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.scoreline.table.event.TableConfig;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a table knows, hidden cards included; the public and private views are cut from it.
 *
 * @param seats the taken seats, in seat order
 * @param hands how many hands have started; the number of the latest
 * @param hand the hand being played or the last one played, null before the first
 * @param readySince when the table last became ready for a hand (not closed, no hand in play, two
 *     or more seated players with at least the boot): the end of the last hand, or the event that
 *     made it ready, such as a second player sitting; null while it is not ready. The job's
 *     {@link Dealer} deals from it; it cannot be derived from the rest, since seats carry no times
 * @param vacated the seats the event that made this state emptied (a player left, was stood up,
 *     the table closed), each with the chips it held as it was emptied: at a table that plays from
 *     wallets, what goes back to them; null when it emptied none. A hand's end can pay a player
 *     and stand them up in one event, so the state before does not tell. It describes the step,
 *     not the table: never stored (a state read back has none), and read only by the messages of
 *     the step that made it
 */
public record TableState(String tableId, TableConfig config, boolean closed, List<Seat> seats, int hands, Hand hand,
        Instant readySince, @JsonIgnore List<Seat> vacated) {

    public TableState {
        seats = seats.stream().sorted(Comparator.comparingInt(Seat::seat)).toList();
        vacated = vacated == null || vacated.isEmpty() ? null : List.copyOf(vacated);
    }

    public Optional<Seat> seat(int number) {
        return seats.stream().filter(s -> s.seat() == number).findFirst();
    }

    public Optional<Seat> seatOf(String playerId) {
        return seats.stream().filter(s -> s.playerId().equals(playerId)).findFirst();
    }

    @JsonIgnore
    public boolean handInPlay() {
        return hand != null && !hand.over();
    }

    /** When the awaited player's time runs out, or null when no hand is being played. */
    @JsonIgnore
    public Instant turnDeadline() {
        return handInPlay() ? hand.turnStarted().plus(config.turnTimeout()) : null;
    }

    /** Chips on the table: in front of the seated players plus the pot. */
    @JsonIgnore
    public long chipsOnTable() {
        return seats.stream().mapToLong(Seat::chips).sum() + (hand == null ? 0 : hand.pot());
    }
}
