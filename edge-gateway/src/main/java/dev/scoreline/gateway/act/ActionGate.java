package dev.scoreline.gateway.act;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.delta.Channel;
import dev.scoreline.gateway.auth.Access;
import dev.scoreline.gateway.auth.Grant;
import dev.scoreline.json.Json;
import dev.scoreline.json.MessageSchema;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.wallet.event.WalletEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Turns a player's action into the event the job decides on, or says why it cannot be one. The
 * player is the token's subject, never a member of the action; the event id is derived from the
 * player and the client's action id, so a retry anywhere is the same event. Nothing here knows the
 * game's rules: a move out of turn passes, and the job refuses it.
 */
public final class ActionGate {

    /** Members of the envelope that only the gateway writes. */
    private static final Set<String> ENVELOPE = Set.of("eventId", "tableId", "matchId", "playerId", "eventTime");

    private ActionGate() {}

    /** What came of an action: an event to produce, or a refusal before anything is produced. */
    public sealed interface Outcome {}

    /**
     * @param kind the kind of entity (which input topic)
     * @param key the entity id, the Kafka key
     * @param eventId the event's id, {@code act:<player>:<actionId>}
     */
    public record Admitted(Channel.Kind kind, String key, String eventId, String playerId, byte[] event)
            implements Outcome {}

    /** @param code an error code of the wire protocol; {@code httpStatus} its HTTP form */
    public record Refused(String code, int httpStatus, String message) implements Outcome {}

    public static Outcome admit(String actionId, String channelName, JsonNode action, Grant grant, Instant now) {
        if (!Actions.isActionId(actionId)) {
            return badRequest("\"id\" must be " + Actions.ACTION_ID_RULE);
        }
        Channel channel;
        try {
            channel = Channel.parse(channelName);
        } catch (IllegalArgumentException | NullPointerException e) {
            return badRequest("\"channel\" is not a channel: " + e.getMessage());
        }
        if (channel.isPrivate() || channel.part() != null) {
            return badRequest("act on the channel " + Channel.of(channel.kind(), channel.entityId()).name()
                    + ", not on " + channel.name());
        }
        Set<String> kinds = Actions.playerKinds(channel.kind());
        if (kinds.isEmpty()) {
            return new Refused("not-a-player-move", 400, "players do not act on " + channel.name());
        }
        if (!(action instanceof ObjectNode fields) || !action.path("type").isTextual()) {
            return badRequest("\"action\" must be an object with a \"type\" (" + String.join(", ", sorted(kinds)) + ")");
        }
        String type = fields.get("type").asText();
        if (!kinds.contains(type)) {
            return new Refused("not-a-player-move", 400, "'" + abbreviate(type) + "' is not a player's move; a player may send "
                    + String.join(", ", sorted(kinds)));
        }
        for (String member : ENVELOPE) {
            if (fields.has(member)) {
                return badRequest("\"action\" must not carry \"" + member + "\": the gateway sets it");
            }
        }
        Access.Decision access = Access.check(channel, grant, now);
        if (!access.allowed()) {
            return new Refused(access.verdict().code(), access.verdict().httpStatus(), access.reason());
        }
        if (!(grant instanceof Grant.Valid valid)
                || (valid.expiresAt() != null && !now.isBefore(valid.expiresAt()))) {
            // a match's channel is anyone's to read, but only a player's token may act on it
            String why = grant instanceof Grant.Invalid invalid ? invalid.reason()
                    : grant instanceof Grant.Valid v ? "token expired at " + v.expiresAt()
                    : "acting on " + channel.name() + " needs a player's token";
            return new Refused(Access.Verdict.UNAUTHORIZED.code(), Access.Verdict.UNAUTHORIZED.httpStatus(), why);
        }
        String player = valid.player();
        if (player == null) {
            return new Refused("forbidden", 403, "a spectator's token cannot act: it names no player (claim sub)");
        }
        String eventId = Actions.eventId(player, actionId);
        ObjectNode event = fields.deepCopy();
        event.put("eventId", eventId);
        event.put(Actions.entityMember(channel.kind()), channel.entityId());
        event.put("playerId", player);
        event.put("eventTime", now.toString());
        // a sit or a bet goes to the player's wallet first, with the same members: only its topic and key differ
        Channel.Kind to = Actions.firstStop(channel.kind(), type);
        boolean toWallet = to == Channel.Kind.PLAYER;
        List<MessageSchema.Violation> violations = MessageSchema.named(schemaOf(to)).validate(event);
        if (!violations.isEmpty()) {
            MessageSchema.Violation first = violations.get(0);
            return badRequest("\"action\" is not a valid " + type + ": " + first.path().replaceFirst("^\\$", "action")
                    + " " + first.message());
        }
        try {
            Class<?> record = toWallet ? WalletEvent.class : to == Channel.Kind.MATCH ? MatchEvent.class : TableEvent.class;
            Json.convert(event, record);
        } catch (IllegalArgumentException e) {
            // the schema and the records agree (ExamplesTest); should they not, the client still gets a clear answer
            return badRequest("\"action\" is not a valid " + type + ": " + e.getMessage());
        }
        return new Admitted(to, toWallet ? player : channel.entityId(), eventId, player, Json.bytes(event));
    }

    private static String schemaOf(Channel.Kind kind) {
        return switch (kind) {
            case PLAYER -> "wallet-event";
            case MATCH -> "match-event";
            default -> "table-event";
        };
    }

    private static Refused badRequest(String message) {
        return new Refused("bad-request", 400, message);
    }

    private static List<String> sorted(Set<String> kinds) {
        return kinds.stream().sorted().toList();
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
