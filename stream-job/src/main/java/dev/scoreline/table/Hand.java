package dev.scoreline.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One hand: the deal, the pot, whose turn it is, and how it ended. It stays in the table's state
 * after it ends (with {@code result} set) until the next hand starts, so that the table shows it.
 *
 * @param seed the hand-start seed the cards were dealt from; never in a view
 * @param dealer the dealer's seat; the first turn is the next dealt seat after it
 * @param players everyone dealt in, in seat order
 * @param pot the chips in the pot; 0 once the hand has ended and the pot was paid out
 * @param stake the current stake: a blind player bets 1 to 2 times it, a seen player 2 to 4 times it
 * @param turn the seat on turn (while a side show waits, the asker's, though the answerer must act)
 * @param turnNumber counts the turns of the hand from 1; a pending side show answer is a turn
 * @param turnStarted when the awaited player's time to act started
 * @param sideShow the side show waiting for an answer, or null
 * @param log the public action log of the hand, oldest first
 * @param result how the hand ended, null while it is being played
 */
public record Hand(
        int number,
        long seed,
        int dealer,
        List<HandPlayer> players,
        long pot,
        long stake,
        int turn,
        int turnNumber,
        Instant turnStarted,
        SideShow sideShow,
        List<HandAction> log,
        HandResult result) {

    public Hand {
        players = List.copyOf(players);
        log = List.copyOf(log);
    }

    @JsonIgnore
    public boolean over() {
        return result != null;
    }

    /** The seat whose action the hand waits for: the answerer of a pending side show, else the seat on turn. */
    @JsonIgnore
    public int awaitedSeat() {
        return sideShow != null ? sideShow.answerer() : turn;
    }

    public Optional<HandPlayer> player(int seat) {
        return players.stream().filter(p -> p.seat() == seat).findFirst();
    }

    public Optional<HandPlayer> playerOf(String playerId) {
        return players.stream().filter(p -> p.playerId().equals(playerId)).findFirst();
    }

    @JsonIgnore
    public List<HandPlayer> inPlay() {
        return players.stream().filter(HandPlayer::inPlay).toList();
    }
}
