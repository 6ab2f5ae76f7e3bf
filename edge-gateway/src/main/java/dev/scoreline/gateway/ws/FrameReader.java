package dev.scoreline.gateway.ws;

import dev.scoreline.gateway.fanout.CloseReason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a client's WebSocket frames (RFC 6455 section 5) from the bytes its socket delivers, in
 * whatever pieces they come, and reports whole messages. It holds bytes across reads only while a
 * frame is incomplete, so an idle connection costs it a few fields.
 *
 * <p>No extension is ever agreed, so reserved bits are an error; client frames must be masked;
 * control frames are at most 125 bytes and never fragmented; a close frame carries no code or one
 * an endpoint may send (RFC 6455 7.4); a message larger than the limit is refused as soon as its
 * header says so, before its payload is buffered. Any violation is reported once, with the reason
 * the server closes the connection for, and nothing is read after it.
 */
final class FrameReader {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** What the reader found. */
    interface Events {
        void text(String message);

        void binary();

        void ping(byte[] payload);

        void pong();

        /** @param code the peer's close code, or 1005 when its close frame carried none */
        void close(int code);

        /** The peer broke the protocol: the connection is closed for {@code reason}. */
        void violation(CloseReason reason, String why);
    }

    /** RFC 6455 7.4.1: what a close frame without a code stands for; never sent. */
    static final int NO_STATUS = 1005;

    private final int maxMessageBytes;
    private final Events events;
    /** Bytes of an incomplete frame kept from the last read, or null. */
    private byte[] carry;
    /** The fragments of the message in progress, or null; its opcode. */
    private byte[] message;
    private int messageLength;
    private int messageOpcode;
    private boolean failed;

    FrameReader(int maxMessageBytes, Events events) {
        this.maxMessageBytes = maxMessageBytes;
        this.events = events;
    }

    /** Reads what arrived; keeps an incomplete frame's bytes for the next call. */
    void read(ByteBuffer in) {
        if (failed) {
            in.position(in.limit());
            return;
        }
        ByteBuffer buf = in;
        if (carry != null) {
            buf = ByteBuffer.allocate(carry.length + in.remaining());
            buf.put(carry).put(in).flip();
            carry = null;
        }
        while (!failed && frame(buf)) {
            // each call reads one frame
        }
        if (!failed && buf.hasRemaining()) {
            carry = new byte[buf.remaining()];
            buf.get(carry);
        }
    }

    /** Reads one whole frame at the buffer's position; false (position unchanged) when it is not all there. */
    private boolean frame(ByteBuffer buf) {
        int start = buf.position();
        if (buf.remaining() < 2) {
            return false;
        }
        int b0 = buf.get(start) & 0xFF;
        int b1 = buf.get(start + 1) & 0xFF;
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        int len7 = b1 & 0x7F;
        if ((b0 & 0x70) != 0) {
            return fail(CloseReason.PROTOCOL, "reserved bits set: no extension was agreed");
        }
        if ((b1 & 0x80) == 0) {
            return fail(CloseReason.PROTOCOL, "client frames must be masked");
        }
        boolean control = opcode >= 0x8;
        if (opcode != CONTINUATION && opcode != TEXT && opcode != BINARY && opcode != CLOSE && opcode != PING
                && opcode != PONG) {
            return fail(CloseReason.PROTOCOL, "unknown opcode " + opcode);
        }
        if (control && (!fin || len7 > 125)) {
            return fail(CloseReason.PROTOCOL, "control frames are at most 125 bytes and not fragmented");
        }
        int lengthBytes = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        int headerLength = 2 + lengthBytes + 4;
        if (buf.remaining() < headerLength) {
            return false;
        }
        long length = len7 == 126 ? buf.getShort(start + 2) & 0xFFFF : len7 == 127 ? buf.getLong(start + 2) : len7;
        if (!control) {
            if (opcode == CONTINUATION && message == null) {
                return fail(CloseReason.PROTOCOL, "a continuation frame with no message begun");
            }
            if (opcode != CONTINUATION && message != null) {
                return fail(CloseReason.PROTOCOL, "a new message before the last one ended");
            }
            long total = (opcode == CONTINUATION ? messageLength : 0) + length;
            if (length < 0 || total > maxMessageBytes) {
                return fail(CloseReason.TOO_BIG, "message over " + maxMessageBytes + " bytes");
            }
        }
        if (buf.remaining() < headerLength + length) {
            return false;
        }
        int maskAt = start + 2 + lengthBytes;
        byte[] payload = new byte[(int) length];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (buf.get(maskAt + 4 + i) ^ buf.get(maskAt + (i & 3)));
        }
        buf.position(start + headerLength + (int) length);
        if (control) {
            control(opcode, payload);
        } else {
            data(opcode, fin, payload);
        }
        return true;
    }

    private void control(int opcode, byte[] payload) {
        switch (opcode) {
            case PING -> events.ping(payload);
            case PONG -> events.pong();
            default -> {
                if (payload.length == 1) {
                    fail(CloseReason.PROTOCOL, "a close frame's code takes two bytes");
                    return;
                }
                int code = payload.length == 0 ? NO_STATUS : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                if (payload.length > 0 && !mayBeSent(code)) {
                    fail(CloseReason.PROTOCOL, "close code " + code + " is not one an endpoint may send");
                    return;
                }
                failed = true;
                events.close(code);
            }
        }
    }

    /**
     * RFC 6455 7.4: the codes it defines for endpoints to send, those IANA registered since (1012 to
     * 1014), and the ranges for libraries and applications; 1004 to 1006 and 1015 never travel.
     */
    private static boolean mayBeSent(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private void data(int opcode, boolean fin, byte[] payload) {
        if (opcode != CONTINUATION) {
            messageOpcode = opcode;
            messageLength = 0;
            if (fin) {
                deliver(payload, payload.length);
                return;
            }
            message = new byte[Math.max(payload.length * 2, 256)];
        }
        if (messageLength + payload.length > message.length) {
            message = Arrays.copyOf(message, Math.min(maxMessageBytes,
                    Math.max(message.length * 2, messageLength + payload.length)));
        }
        System.arraycopy(payload, 0, message, messageLength, payload.length);
        messageLength += payload.length;
        if (fin) {
            byte[] whole = message;
            message = null;
            deliver(whole, messageLength);
        }
    }

    private void deliver(byte[] bytes, int length) {
        if (messageOpcode == BINARY) {
            events.binary();
            return;
        }
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
        } catch (CharacterCodingException e) {
            fail(CloseReason.BAD_TEXT, "a text message that is not UTF-8");
            return;
        }
        events.text(text.toString());
    }

    private boolean fail(CloseReason reason, String why) {
        failed = true;
        carry = null;
        message = null;
        events.violation(reason, why);
        return false;
    }
}
