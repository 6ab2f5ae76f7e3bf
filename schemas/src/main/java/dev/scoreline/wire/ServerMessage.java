package dev.scoreline.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Verdict;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;

/**
 * A frame a gateway sends to a client: over WebSocket one per text frame, over Server-Sent Events
 * the data of an event named after its type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.SnapshotFrame.class, name = "snapshot"),
    @JsonSubTypes.Type(value = ServerMessage.DeltaFrame.class, name = "delta"),
    @JsonSubTypes.Type(value = ServerMessage.ErrorFrame.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.VerdictFrame.class, name = "verdict")
})
public sealed interface ServerMessage {

    record SnapshotFrame(String channel, String epoch, long version, JsonNode state) implements ServerMessage {
        public static SnapshotFrame of(Snapshot s) {
            return new SnapshotFrame(s.channel(), s.epoch(), s.version(), s.state());
        }
    }

    record DeltaFrame(String channel, String epoch, long from, long to, ObjectNode patch) implements ServerMessage {
        public static DeltaFrame of(Delta d) {
            return new DeltaFrame(d.channel(), d.epoch(), d.from(), d.to(), d.patch());
        }
    }

    /**
     * @param code a stable machine-readable code, such as {@code forbidden} or {@code bad-request}
     * @param channel the subscription or action the error is about, absent when it concerns the connection
     * @param id the {@code act} frame the error answers (nothing of it was produced), absent otherwise
     */
    record ErrorFrame(String code, String message, String channel, String id) implements ServerMessage {
        public ErrorFrame(String code, String message, String channel) {
            this(code, message, channel, null);
        }
    }

    record Pong() implements ServerMessage {}

    /**
     * The job's answer to an {@code act} frame: accepted with the version that includes the move,
     * or refused with the reason.
     */
    record VerdictFrame(String id, String channel, boolean accepted, Long version, String reason)
            implements ServerMessage {
        public static VerdictFrame of(Verdict v) {
            return new VerdictFrame(v.actionId(), v.channel(), v.accepted(), v.version(), v.reason());
        }
    }
}
