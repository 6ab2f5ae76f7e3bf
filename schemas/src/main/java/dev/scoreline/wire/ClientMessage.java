package dev.scoreline.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A frame a client sends to a gateway over WebSocket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Subscribe.class, name = "subscribe"),
    @JsonSubTypes.Type(value = ClientMessage.Unsubscribe.class, name = "unsubscribe"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping")
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

    /** A point in a channel's history: versions are comparable only within one epoch. */
    record Position(String epoch, long version) {}
}
