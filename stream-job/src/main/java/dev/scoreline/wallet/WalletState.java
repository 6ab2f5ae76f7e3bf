package dev.scoreline.wallet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A player's wallet: where each of their chips is, as far as the wallet knows it. Chips are in the
 * balance, reserved for a seat the table has not answered yet, or at a table (the wallet holds the
 * buy-in; the stack itself, which hands change, is the table's). Immutable; the rules make a new
 * one per event.
 *
 * @param balance chips the player may spend
 * @param credited every chip the game's backend ever put in
 * @param debited every chip the game's backend ever took out
 * @param reservations the buy-ins waiting for a table's answer, by reservation (the sit's event id)
 * @param tables the chips taken to each table the player sits at, by table id, until the stack
 *     comes back
 * @param bets the player's bets that no market has decided, by bet (the bet's event id): their
 *     stakes reserved while the match has not taken them, the match's once it has
 * @param movements how many movements the wallet has made; the latest are in {@code recent}
 * @param recent the latest {@link WalletRules#RECENT} movements, oldest first
 */
public record WalletState(
        String playerId,
        long balance,
        long credited,
        long debited,
        Map<String, Reservation> reservations,
        Map<String, Long> tables,
        Map<String, Bet> bets,
        long movements,
        List<Movement> recent) {

    public WalletState {
        bets = bets == null ? Map.of() : bets;
    }

    static WalletState empty(String playerId) {
        return new WalletState(playerId, 0, 0, 0, Map.of(), Map.of(), Map.of(), 0, List.of());
    }

    /** The chips reserved for seats and bets not yet answered. */
    @JsonIgnore
    public long reserved() {
        long reserved = reservations.values().stream().mapToLong(Reservation::chips).sum();
        for (Bet bet : bets.values()) {
            if (!bet.taken()) {
                reserved += bet.stake();
            }
        }
        return reserved;
    }

    /** True when no chip of the player is anywhere: the job may forget an idle wallet then. */
    @JsonIgnore
    public boolean isEmpty() {
        return balance == 0 && reservations.isEmpty() && tables.isEmpty() && bets.isEmpty();
    }

    /** A buy-in waiting for the table's answer. */
    public record Reservation(String tableId, int seat, long chips) {}

    /**
     * A bet not yet decided.
     *
     * @param taken false while the stake is reserved here, true once the match took it into its pool
     */
    public record Bet(String matchId, String market, String outcome, long stake, boolean taken) {}

    /**
     * One thing that happened to the wallet, for the player's history.
     *
     * @param number the wallet's count of movements, from 1
     * @param kind {@code credit}, {@code debit}, {@code buy-in} (reserved), {@code seated},
     *     {@code released} (the table refused the seat), {@code returned} (a stack came back),
     *     {@code stake} (a bet's stake reserved), {@code bet taken}, {@code bet refused}, {@code
     *     won}, {@code lost}, {@code bet returned} or {@code taken back} (a correction took back
     *     what a settlement paid)
     * @param chips what it changed the balance by: positive in, negative out, zero when the chips
     *     only moved from a reservation to a table
     * @param balance the balance after it
     * @param tableId the table, for a movement of a seat
     * @param cause the backend's cause of a credit or debit, the table's or match's reason for
     *     refusing a seat or a bet, or why a bet was returned
     * @param matchId the match, for a movement of a bet
     * @param market the bet's market
     */
    public record Movement(long number, String eventId, Instant at, String kind, long chips, long balance,
            String tableId, String cause, String matchId, String market) {}
}
