package dev.scoreline.gateway.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.delta.Channel;
import dev.scoreline.json.Json;
import dev.scoreline.json.MessageSchema;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.Debit;
import dev.scoreline.wallet.event.WalletEvent;
import java.time.Instant;
import java.util.List;

/**
 * The game backend's credits and debits, checked like a player's move and produced to the
 * wallets' topic keyed by the player. The backend names each order ({@code id}, its own order
 * number); the event id is {@code credit:<id>} or {@code debit:<id>}, so sending an order again,
 * through any gateway, moves no chip twice.
 */
public final class WalletOrders {

    /** The two kinds of order, as the path names them. */
    public enum Kind {
        CREDIT("credits", Credit.TYPE, "credit:"),
        DEBIT("debits", Debit.TYPE, "debit:");

        private final String path;
        private final String type;
        private final String prefix;

        Kind(String path, String type, String prefix) {
            this.path = path;
            this.type = type;
            this.prefix = prefix;
        }

        public String path() {
            return path;
        }
    }

    private WalletOrders() {}

    /**
     * @param order {@code {"id": …, "chips": …, "cause": …}}
     * @return the event to produce, or why there is none (HTTP 400)
     */
    public static ActionGate.Outcome admit(Kind kind, String playerId, JsonNode order, Instant now) {
        if (!Channel.isIdentifier(playerId)) {
            return badRequest("'" + playerId + "' is not a player id: 1 to 128 of A-Z a-z 0-9 . _ ~ @ + -");
        }
        if (order == null || !order.isObject()) {
            return badRequest("the body is {\"id\": …, \"chips\": …, \"cause\": …}");
        }
        String id = order.path("id").isTextual() ? order.get("id").asText() : null;
        if (!Actions.isActionId(id)) {
            return badRequest("\"id\" (the order's own id) must be " + Actions.ACTION_ID_RULE);
        }
        ObjectNode event = Json.object();
        event.put("type", kind.type);
        event.put("eventId", kind.prefix + id);
        event.put("playerId", playerId);
        event.put("eventTime", now.toString());
        for (String member : List.of("chips", "cause")) {
            if (order.has(member)) {
                event.set(member, order.get(member));
            }
        }
        List<MessageSchema.Violation> violations = MessageSchema.named("wallet-event").validate(event);
        if (!violations.isEmpty()) {
            MessageSchema.Violation first = violations.get(0);
            return badRequest("not a valid " + kind.type + ": " + first.path().replaceFirst("^\\$", "order") + " "
                    + first.message());
        }
        try {
            Json.convert(event, WalletEvent.class);
        } catch (IllegalArgumentException e) {
            // the schema and the records agree (ExamplesTest); should they not, the backend still gets a clear answer
            return badRequest("not a valid " + kind.type + ": " + e.getMessage());
        }
        return new ActionGate.Admitted(Channel.Kind.PLAYER, playerId, kind.prefix + id, playerId, Json.bytes(event));
    }

    private static ActionGate.Refused badRequest(String message) {
        return new ActionGate.Refused("bad-request", 400, message);
    }
}
