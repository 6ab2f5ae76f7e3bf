package dev.scoreline.bench.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WsFramesTest {

    @Test
    void shortServerFrameIsTheRfcExample() {
        // RFC 6455 section 5.7: a single-frame unmasked text message "Hello"
        byte[] frame = WsFrames.serverFrame(WsFrames.TEXT, "Hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(frame).containsExactly(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f);
    }

    @Test
    void maskedClientFrameIsTheRfcExample() {
        // RFC 6455 section 5.7: a single-frame masked text message "Hello"
        byte[] frame = WsFrames.clientFrame(WsFrames.TEXT, "Hello".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0x37, (byte) 0xfa, 0x21, 0x3d});
        assertThat(frame).containsExactly(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
    }

    @Test
    void mediumAndLongLengthsUseTheExtendedFields() {
        byte[] medium = WsFrames.serverFrame(WsFrames.TEXT, new byte[256]);
        assertThat(medium[1] & 0xff).isEqualTo(126);
        assertThat(((medium[2] & 0xff) << 8) | (medium[3] & 0xff)).isEqualTo(256);
        assertThat(medium).hasSize(4 + 256);

        byte[] big = WsFrames.serverFrame(WsFrames.TEXT, new byte[70_000]);
        assertThat(big[1] & 0xff).isEqualTo(127);
        assertThat(ByteBuffer.wrap(big, 2, 8).getLong()).isEqualTo(70_000);
        assertThat(big).hasSize(10 + 70_000);
    }

    @Test
    void headerReadsBackWhatWasWrittenAndWaitsForMissingBytes() {
        byte[] payload = "{\"type\":\"subscribe\",\"channel\":\"match:1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] frame = WsFrames.clientFrame(WsFrames.TEXT, payload, new byte[] {9, 8, 7, 6});
        ByteBuffer in = ByteBuffer.wrap(frame);

        assertThat(WsFrames.header(in, 0, 1)).isNull();
        WsFrames.Header h = WsFrames.header(in, 0, frame.length);
        assertThat(h.fin()).isTrue();
        assertThat(h.opcode()).isEqualTo(WsFrames.TEXT);
        assertThat(h.masked()).isTrue();
        assertThat(h.payloadLength()).isEqualTo(payload.length);
        assertThat(h.frameLength()).isEqualTo(frame.length);
        assertThat(WsFrames.unmask(in, 0, h)).isEqualTo(payload);
    }
}
