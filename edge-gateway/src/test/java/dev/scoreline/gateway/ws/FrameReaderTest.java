package dev.scoreline.gateway.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.gateway.fanout.CloseReason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client frames the gateway reads: whole, in pieces, fragmented, and every way to break them. */
class FrameReaderTest {

    private final List<String> events = new ArrayList<>();
    private final FrameReader reader = new FrameReader(64, new FrameReader.Events() {
        @Override
        public void text(String message) {
            events.add("text " + message);
        }

        @Override
        public void binary() {
            events.add("binary");
        }

        @Override
        public void ping(byte[] payload) {
            events.add("ping " + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void pong() {
            events.add("pong");
        }

        @Override
        public void close(int code) {
            events.add("close " + code);
        }

        @Override
        public void violation(CloseReason reason, String why) {
            events.add("violation " + reason.code() + " " + why);
        }
    });

    /** A client frame as RFC 6455 section 5.2 lays it out, masked with {@code mask}. */
    private static byte[] frame(boolean fin, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(maskBit | 127);
            out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        byte[] mask = {0x37, (byte) 0xfa, 0x21, 0x3d};
        if (masked) {
            out.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ mask[i & 3] : payload[i]);
        }
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return frame(true, FrameReader.TEXT, s.getBytes(StandardCharsets.UTF_8), true);
    }

    private void read(byte[]... chunks) {
        for (byte[] c : chunks) {
            reader.read(ByteBuffer.wrap(c));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void framesThatArriveTogetherAreEachReported() {
        read(concat(text("{\"type\":\"ping\"}"), text("héllo"), frame(true, FrameReader.PING, "p".getBytes(), true)));
        assertThat(events).containsExactly("text {\"type\":\"ping\"}", "text héllo", "ping p");
    }

    @Test
    void aFrameSplitAtEveryByteIsReadOnceWhole() {
        byte[] whole = concat(text("a".repeat(40)), frame(true, FrameReader.PONG, new byte[0], true));
        for (byte b : whole) {
            read(new byte[] {b});
        }
        assertThat(events).containsExactly("text " + "a".repeat(40), "pong");
    }

    @Test
    void aFragmentedMessageWithAPingBetweenItsFragmentsIsOneMessage() {
        byte[] part1 = frame(false, FrameReader.TEXT, "{\"type\":".getBytes(), true);
        byte[] ping = frame(true, FrameReader.PING, new byte[0], true);
        byte[] part2 = frame(true, FrameReader.CONTINUATION, "\"ping\"}".getBytes(), true);
        read(concat(part1, ping, part2));
        assertThat(events).containsExactly("ping ", "text {\"type\":\"ping\"}");
    }

    @Test
    void aMessageOverTheLimitIsRefusedFromItsHeaderAlone() {
        byte[] big = frame(true, FrameReader.TEXT, new byte[65], true);
        read(java.util.Arrays.copyOf(big, 8));
        assertThat(events).containsExactly("violation 1009 message over 64 bytes");
        read(java.util.Arrays.copyOfRange(big, 8, big.length), text("after"));
        assertThat(events).as("nothing is read after a violation").hasSize(1);
    }

    @Test
    void fragmentsThatAddUpToMoreThanTheLimitAreRefused() {
        read(frame(false, FrameReader.TEXT, new byte[40], true), frame(true, FrameReader.CONTINUATION, new byte[40], true));
        assertThat(events).containsExactly("violation 1009 message over 64 bytes");
    }

    @Test
    void unmaskedFramesReservedBitsAndUnknownOpcodesBreakTheProtocol() {
        read(frame(true, FrameReader.TEXT, "x".getBytes(), false));
        assertThat(events).containsExactly("violation 1002 client frames must be masked");

        List<String> seen = new ArrayList<>();
        for (byte[] bad : List.of(
                withFirstByte(text("x"), 0x80 | 0x40 | FrameReader.TEXT),
                withFirstByte(text("x"), 0x80 | 0x3),
                frame(false, FrameReader.PING, new byte[0], true),
                frame(true, FrameReader.CONTINUATION, "x".getBytes(), true),
                frame(true, FrameReader.CLOSE, new byte[] {3}, true))) {
            FrameReader fresh = new FrameReader(64, new Recorder(seen));
            fresh.read(ByteBuffer.wrap(bad));
        }
        assertThat(seen).hasSize(5).allMatch(e -> e.startsWith("violation 1002 "));
    }

    @Test
    void aTextMessageThatIsNotUtf8IsRefused() {
        read(frame(true, FrameReader.TEXT, new byte[] {(byte) 0xc3, (byte) 0x28}, true));
        assertThat(events).containsExactly("violation 1007 a text message that is not UTF-8");
    }

    @Test
    void binaryMessagesAndCloseFramesAreReportedAndNothingIsReadAfterTheClose() {
        read(frame(true, FrameReader.BINARY, new byte[] {1, 2}, true),
                frame(true, FrameReader.CLOSE, new byte[] {0x03, (byte) 0xe8, 'b', 'y', 'e'}, true), text("late"));
        assertThat(events).containsExactly("binary", "close 1000");
        FrameReader empty = new FrameReader(64, new Recorder(events));
        empty.read(ByteBuffer.wrap(frame(true, FrameReader.CLOSE, new byte[0], true)));
        assertThat(events).endsWith("close 1005");
    }

    @Test
    void aCloseCodeNoEndpointMaySendBreaksTheProtocolAndTheOthersAreReported() {
        List<String> seen = new ArrayList<>();
        for (int code : new int[] {999, 1004, 1005, 1006, 1015, 2000, 5000, 1001, 1011, 3000, 4999}) {
            FrameReader fresh = new FrameReader(64, new Recorder(seen));
            fresh.read(ByteBuffer.wrap(frame(true, FrameReader.CLOSE, new byte[] {(byte) (code >> 8), (byte) code}, true)));
        }
        assertThat(seen).containsExactly(
                "violation 1002 close code 999 is not one an endpoint may send",
                "violation 1002 close code 1004 is not one an endpoint may send",
                "violation 1002 close code 1005 is not one an endpoint may send",
                "violation 1002 close code 1006 is not one an endpoint may send",
                "violation 1002 close code 1015 is not one an endpoint may send",
                "violation 1002 close code 2000 is not one an endpoint may send",
                "violation 1002 close code 5000 is not one an endpoint may send",
                "close 1001", "close 1011", "close 3000", "close 4999");
    }

    @Test
    void messagesWith16And64BitLengthsAreRead() {
        FrameReader large = new FrameReader(70_000, new Recorder(events));
        String body = "z".repeat(300);
        large.read(ByteBuffer.wrap(text(body)));
        String bigger = "y".repeat(66_000);
        large.read(ByteBuffer.wrap(text(bigger)));
        assertThat(events).containsExactly("text " + body, "text " + bigger);
    }

    private static byte[] withFirstByte(byte[] frame, int first) {
        frame[0] = (byte) first;
        return frame;
    }

    private record Recorder(List<String> seen) implements FrameReader.Events {
        public void text(String message) {
            seen.add("text " + message);
        }

        public void binary() {
            seen.add("binary");
        }

        public void ping(byte[] payload) {
            seen.add("ping");
        }

        public void pong() {
            seen.add("pong");
        }

        public void close(int code) {
            seen.add("close " + code);
        }

        public void violation(CloseReason reason, String why) {
            seen.add("violation " + reason.code() + " " + why);
        }
    }
}
