package dev.scoreline.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A frame a client sends to a gateway over WebSocket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe"),
    @JsonSubTypes.Type(value = ClientMessage.Unsubscribe.class, name = "unsubscribe"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientMessage.Act.class, name = "act")
})
public sealed interface ClientMessage {

    /**
     * @param since what the client already holds, so that only the missing deltas are sent;
     *     absent for a fresh subscription
     * @param token a signed token for this one subscription, absent to use the connection's own
     *     (from the upgrade request); lets one connection hold several tables' tokens, and keeps
     *     tokens out of URLs where a browser cannot set headers
     */
    record Subscribe(String channel, Position since, String token) implements ClientMessage {
        public Subscribe(String channel, Position since) {
            this(channel, since, null);
        }
    }

    record Unsubscribe(String channel) implements ClientMessage {}

    record Ping() implements ClientMessage {}

    /**
     * A player's move: {@code action} is one of the player's event kinds without its envelope (the
     * gateway adds the event id, the entity, the player from the token and the time).
     *
     * @param id the client's name for the action, unique per player: a retry with the same id is
     *     the same action
     * @param token a table token for this action alone, absent to use the one the client subscribed
     *     to the channel with, or the connection's own
     */
    record Act(String id, String channel, ObjectNode action, String token) implements ClientMessage {}

    /** A point in a channel's history: versions are comparable only within one epoch. */
    record Position(String epoch, long version) {}
}
