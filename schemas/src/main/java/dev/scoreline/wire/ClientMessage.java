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
     */
    record Subscribe(String channel, Position since) implements ClientMessage {}

    record Unsubscribe(String channel) implements ClientMessage {}

    record Ping() implements ClientMessage {}

    /** A point in a channel's history: versions are comparable only within one epoch. */
    record Position(String epoch, long version) {}
}
