package dev.scoreline.gateway.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Verdict;
import dev.scoreline.delta.Delta;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ServerMessage;
import java.nio.ByteBuffer;

/**
 * One gateway-to-client message, encoded once: the same bytes go to every subscriber of its
 * channel, over WebSocket as a text frame and over Server-Sent Events as the data of an event.
 */
public final class Frame {

    public enum Kind {
        SNAPSHOT("snapshot"),
        DELTA("delta"),
        ERROR("error"),
        PONG("pong"),
        VERDICT("verdict");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        /** The frame's {@code type} on the wire, and the SSE event name. */
        public String type() {
            return type;
        }
    }

    /** No Kafka record behind the frame (a snapshot made here, an error). */
    public static final long NO_TIMESTAMP = -1;

    private final Kind kind;
    private final String channel;
    private final String epoch;
    private final long from;
    private final long to;
    private final byte[] json;
    private final long sourceTimestamp;
    private final boolean exactBase;

    private Frame(Kind kind, String channel, String epoch, long from, long to, byte[] json,
            long sourceTimestamp, boolean exactBase) {
        this.kind = kind;
        this.channel = channel;
        this.epoch = epoch;
        this.from = from;
        this.to = to;
        this.json = json;
        this.sourceTimestamp = sourceTimestamp;
        this.exactBase = exactBase;
    }

    public static Frame snapshot(String channel, String epoch, long version, JsonNode state) {
        byte[] json = Json.bytes(new ServerMessage.SnapshotFrame(channel, epoch, version, state));
        return new Frame(Kind.SNAPSHOT, channel, epoch, version, version, json, NO_TIMESTAMP, false);
    }

    /** A delta as the job published it, stamped with its Kafka record's timestamp. */
    public static Frame delta(Delta delta, long kafkaTimestamp) {
        byte[] json = Json.bytes(ServerMessage.DeltaFrame.of(delta));
        return new Frame(Kind.DELTA, delta.channel(), delta.epoch(), delta.from(), delta.to(), json,
                kafkaTimestamp, false);
    }

    /**
     * A delta the gateway made itself by diffing two states it held (at {@code from - 1} and at
     * {@code to}). Unlike the job's deltas it does not name fields that changed in between and
     * changed back, so it is valid only for a holder at exactly {@code from - 1}.
     */
    public static Frame bridge(String channel, String epoch, long from, long to, ObjectNode patch) {
        byte[] json = Json.bytes(new ServerMessage.DeltaFrame(channel, epoch, from, to, patch));
        return new Frame(Kind.DELTA, channel, epoch, from, to, json, NO_TIMESTAMP, true);
    }

    /** @param channel the subscription the error is about, null when it concerns the connection */
    public static Frame error(String code, String message, String channel) {
        byte[] json = Json.bytes(new ServerMessage.ErrorFrame(code, message, channel));
        return new Frame(Kind.ERROR, channel, null, 0, 0, json, NO_TIMESTAMP, false);
    }

    /** An error answering the {@code act} frame {@code actionId}: nothing of that action was produced. */
    public static Frame actError(String code, String message, String channel, String actionId) {
        byte[] json = Json.bytes(new ServerMessage.ErrorFrame(code, message, channel, actionId));
        return new Frame(Kind.ERROR, channel, null, 0, 0, json, NO_TIMESTAMP, false);
    }

    public static Frame verdict(Verdict verdict) {
        byte[] json = Json.bytes(ServerMessage.VerdictFrame.of(verdict));
        return new Frame(Kind.VERDICT, verdict.channel(), null, 0, 0, json, NO_TIMESTAMP, false);
    }

    private static final byte[] PONG_JSON = Json.bytes(new ServerMessage.Pong());

    public static Frame pong() {
        return new Frame(Kind.PONG, null, null, 0, 0, PONG_JSON, NO_TIMESTAMP, false);
    }

    public Kind kind() {
        return kind;
    }

    /** The channel of a snapshot or delta, or the channel an error is about; null otherwise. */
    public String channel() {
        return channel;
    }

    /** Snapshots and deltas: what conflation may replace by a fresher snapshot. */
    public boolean isState() {
        return kind == Kind.SNAPSHOT || kind == Kind.DELTA;
    }

    public String epoch() {
        return epoch;
    }

    /** A delta's {@code from}; a snapshot's version. */
    public long from() {
        return from;
    }

    /** A delta's {@code to}; a snapshot's version: what a client holds once it applied this. */
    public long to() {
        return to;
    }

    /** True for a {@link #bridge} delta, valid only for a holder at exactly {@code from - 1}. */
    public boolean exactBase() {
        return exactBase;
    }

    /** Kafka record timestamp (epoch millis) of a delta read from Kafka, else {@link #NO_TIMESTAMP}. */
    public long sourceTimestamp() {
        return sourceTimestamp;
    }

    public int size() {
        return json.length;
    }

    /**
     * A fresh view of the encoded bytes, one per write, all sharing the one array (nothing on the
     * write path changes buffer contents; a heap array lets the socket write copy it once).
     */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(json);
    }

    /** The encoded JSON. Callers must not change the array. */
    public byte[] json() {
        return json;
    }

    @Override
    public String toString() {
        return kind.type() + (channel == null ? "" : " " + channel + " " + epoch + ":" + from + ".." + to);
    }
}
