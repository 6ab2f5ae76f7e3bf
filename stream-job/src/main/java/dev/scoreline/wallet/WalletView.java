package dev.scoreline.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;

/**
 * What the player's channel ({@code player:<playerId>}) shows of the wallet. Movements are keyed
 * by their number, so a delta carries the new ones and drops the ones that scrolled out, rather
 * than the whole list.
 */
final class WalletView {

    private WalletView() {}

    static JsonNode of(WalletState w) {
        return of(w, null, null);
    }

    /**
     * The view of {@code w}, taking from {@code previousView} (the view of {@code previous}) every
     * movement (they never change once made) and every bet that is the same in both: an event
     * changes one or two of them, and the shared ones cost the engine's diff nothing.
     */
    static JsonNode of(WalletState w, WalletState previous, JsonNode previousView) {
        JsonNode oldBets = previousView == null ? null : previousView.get("bets");
        JsonNode oldMovements = previousView == null ? null : previousView.get("movements");
        ObjectNode view = Json.object();
        view.put("playerId", w.playerId());
        view.put("balance", w.balance());
        view.put("reserved", w.reserved());
        view.put("atTables", w.tables().values().stream().mapToLong(Long::longValue).sum());
        view.put("credited", w.credited());
        view.put("debited", w.debited());
        ObjectNode reservations = view.putObject("reservations");
        w.reservations().forEach((id, r) -> {
            ObjectNode reservation = reservations.putObject(id);
            reservation.put("tableId", r.tableId());
            reservation.put("seat", r.seat());
            reservation.put("chips", r.chips());
        });
        ObjectNode tables = view.putObject("tables");
        w.tables().forEach((tableId, chips) -> tables.putObject(tableId).put("boughtIn", chips));
        ObjectNode bets = view.putObject("bets");
        w.bets().forEach((id, b) -> {
            if (oldBets != null && oldBets.has(id) && b.equals(previous.bets().get(id))) {
                bets.set(id, oldBets.get(id));
                return;
            }
            ObjectNode bet = bets.putObject(id);
            bet.put("matchId", b.matchId());
            if (b.market() != null) {
                bet.put("market", b.market());
            }
            if (b.outcome() != null) {
                bet.put("outcome", b.outcome());
            }
            bet.put("stake", b.stake());
            bet.put("status", b.taken() ? "open" : "waiting");
        });
        ObjectNode movements = view.putObject("movements");
        for (WalletState.Movement m : w.recent()) {
            String number = Long.toString(m.number());
            if (oldMovements != null && oldMovements.has(number)) {
                movements.set(number, oldMovements.get(number));
                continue;
            }
            ObjectNode movement = movements.putObject(number);
            movement.put("kind", m.kind());
            movement.put("chips", m.chips());
            movement.put("balance", m.balance());
            movement.put("at", m.at().toString());
            movement.put("eventId", m.eventId());
            if (m.tableId() != null) {
                movement.put("tableId", m.tableId());
            }
            if (m.cause() != null) {
                movement.put("cause", m.cause());
            }
            if (m.matchId() != null) {
                movement.put("matchId", m.matchId());
                movement.put("market", m.market());
            }
        }
        return view;
    }
}
