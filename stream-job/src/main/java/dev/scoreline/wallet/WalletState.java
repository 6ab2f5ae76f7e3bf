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
        long movements,
        List<Movement> recent) {

    static WalletState empty(String playerId) {
        return new WalletState(playerId, 0, 0, 0, Map.of(), Map.of(), 0, List.of());
    }

    /** The chips reserved for seats not yet answered. */
    @JsonIgnore
    public long reserved() {
        return reservations.values().stream().mapToLong(Reservation::chips).sum();
    }

    /** True when no chip of the player is anywhere: the job may forget an idle wallet then. */
    @JsonIgnore
    public boolean isEmpty() {
        return balance == 0 && reservations.isEmpty() && tables.isEmpty();
    }

    /** A buy-in waiting for the table's answer. */
    public record Reservation(String tableId, int seat, long chips) {}

    /**
     * One thing that happened to the wallet, for the player's history.
     *
     * @param number the wallet's count of movements, from 1
     * @param kind {@code credit}, {@code debit}, {@code buy-in} (reserved), {@code seated},
     *     {@code released} (the table refused the seat) or {@code returned} (a stack came back)
     * @param chips what it changed the balance by: positive in, negative out, zero when the chips
     *     only moved from a reservation to a table
     * @param balance the balance after it
     * @param tableId the table, for a movement of a seat
     * @param cause the backend's cause of a credit or debit, or the table's reason for refusing a seat
     */
    public record Movement(long number, String eventId, Instant at, String kind, long chips, long balance,
            String tableId, String cause) {}
}
