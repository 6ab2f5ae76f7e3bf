package dev.scoreline.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** A server frame copied out in the pieces a socket that takes a few bytes at a time leaves. */
class WebSocketSinkTest {

    /** Copies what {@code out} has left into a buffer of {@code room} bytes, and lets the socket take {@code taken} of them. */
    private static byte[] step(WebSocketSink.Out out, int room, int taken) {
        ByteBuffer buf = ByteBuffer.allocate(room);
        out.copyInto(buf);
        buf.flip();
        int n = Math.min(taken, buf.remaining());
        byte[] written = new byte[n];
        buf.get(written);
        out.written += n;
        return written;
    }

    @Test
    void aFrameWrittenAFewBytesAtATimeIsItsHeaderThenItsPayloadWhole() {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        WebSocketSink.Out out = new WebSocketSink.Out(null, FrameReader.TEXT, payload);
        assertThat(out.length()).as("a 16-bit length: a four-byte header").isEqualTo(304);

        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        assertThat(out.copyInto(ByteBuffer.allocate(3))).as("a header that does not fit whole does not begin").isFalse();
        wire.writeBytes(step(out, 64, 1));
        wire.writeBytes(step(out, 2, 2));
        wire.writeBytes(step(out, 7, 7));
        while (out.written < out.length()) {
            wire.writeBytes(step(out, 50, 33));
        }
        byte[] bytes = wire.toByteArray();
        assertThat(bytes).hasSize(304);
        assertThat(bytes[0] & 0xFF).isEqualTo(0x81);
        assertThat(bytes[1] & 0xFF).isEqualTo(126);
        assertThat(((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF)).isEqualTo(300);
        for (int i = 0; i < payload.length; i++) {
            assertThat(bytes[4 + i]).as("payload byte " + i).isEqualTo(payload[i]);
        }
    }

    @Test
    void aWholeFrameFitsInOneCopy() {
        WebSocketSink.Out out = new WebSocketSink.Out(null, FrameReader.PONG, new byte[] {1, 2, 3});
        ByteBuffer buf = ByteBuffer.allocate(16);
        assertThat(out.copyInto(buf)).isTrue();
        buf.flip();
        assertThat(buf.remaining()).isEqualTo(5);
        assertThat(buf.get(0) & 0xFF).isEqualTo(0x80 | FrameReader.PONG);
        assertThat(buf.get(1)).isEqualTo((byte) 3);
    }
}
