package dev.scoreline.bench.fanout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The deltas every fan-out system carries: a patch {@code {"sentAt":<nanos>,"pad":"..."}} whose
 * {@code sentAt} is {@link System#nanoTime()} at the moment the benchmark published it. On Linux
 * that is CLOCK_MONOTONIC, one clock for every process of the machine, so a subscriber in another
 * process measures the delay with microsecond resolution (a Kafka record timestamp has
 * milliseconds only; it is taken at the same moment).
 */
public final class Payload {

    private static final byte[] SENT_AT = "\"sentAt\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELTA_PREFIX = "{\"type\":\"delta\"".getBytes(StandardCharsets.US_ASCII);

    private Payload() {}

    /** The delta's JSON as the gateway sends it to a client (and Mosquitto and the limit server carry it). */
    public static String deltaFrameJson(String channel, long version, long sentAt, String pad) {
        return "{\"type\":\"delta\",\"channel\":\"" + channel + "\",\"epoch\":\"e1\",\"from\":" + version
                + ",\"to\":" + version + ",\"patch\":{\"sentAt\":" + sentAt + ",\"pad\":\"" + pad + "\"}}";
    }

    /** The same delta as the job publishes it to Kafka (the gateway adds the type). */
    public static String kafkaDeltaJson(String channel, long version, long sentAt, String pad) {
        return "{\"channel\":\"" + channel + "\",\"epoch\":\"e1\",\"from\":" + version + ",\"to\":" + version
                + ",\"patch\":{\"sentAt\":" + sentAt + ",\"pad\":\"" + pad + "\"}}";
    }

    /** True when the message at {@code [from, from+len)} is a delta frame (not a snapshot or error). */
    public static boolean isDelta(ByteBuffer b, int from, int len) {
        if (len < DELTA_PREFIX.length) {
            return false;
        }
        for (int i = 0; i < DELTA_PREFIX.length; i++) {
            if (b.get(from + i) != DELTA_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /** The {@code sentAt} in the message at {@code [from, from+len)}, or -1 when it has none. */
    public static long sentAt(ByteBuffer b, int from, int len) {
        int end = from + len - SENT_AT.length;
        outer:
        for (int i = from; i <= end; i++) {
            for (int j = 0; j < SENT_AT.length; j++) {
                if (b.get(i + j) != SENT_AT[j]) {
                    continue outer;
                }
            }
            long v = 0;
            int k = i + SENT_AT.length;
            boolean digits = false;
            for (; k < from + len; k++) {
                byte c = b.get(k);
                if (c < '0' || c > '9') {
                    break;
                }
                v = v * 10 + (c - '0');
                digits = true;
            }
            return digits ? v : -1;
        }
        return -1;
    }
}
