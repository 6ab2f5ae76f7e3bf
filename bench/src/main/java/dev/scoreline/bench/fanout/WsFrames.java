package dev.scoreline.bench.fanout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** The little of RFC 6455 the load client and the socket-limit server need. */
public final class WsFrames {

    public static final int TEXT = 0x1;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private WsFrames() {}

    /** A server frame: final, unmasked. */
    public static byte[] serverFrame(int opcode, byte[] payload) {
        int n = payload.length;
        int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + n];
        out[0] = (byte) (0x80 | opcode);
        writeLength(out, n, 0);
        System.arraycopy(payload, 0, out, header, n);
        return out;
    }

    /** A client frame: final, masked with {@code mask} (4 bytes). */
    public static byte[] clientFrame(int opcode, byte[] payload, byte[] mask) {
        int n = payload.length;
        int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + 4 + n];
        out[0] = (byte) (0x80 | opcode);
        writeLength(out, n, 0x80);
        System.arraycopy(mask, 0, out, header, 4);
        for (int i = 0; i < n; i++) {
            out[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return out;
    }

    private static void writeLength(byte[] out, int n, int maskBit) {
        if (n <= 125) {
            out[1] = (byte) (maskBit | n);
        } else if (n <= 0xFFFF) {
            out[1] = (byte) (maskBit | 126);
            out[2] = (byte) (n >>> 8);
            out[3] = (byte) n;
        } else {
            out[1] = (byte) (maskBit | 127);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
    }

    /** Where one frame lies in a buffer. */
    public record Header(boolean fin, int opcode, boolean masked, int headerLength, long payloadLength) {
        public long frameLength() {
            return headerLength + (masked ? 4 : 0) + payloadLength;
        }

        public int payloadStart(int frameStart) {
            return frameStart + headerLength + (masked ? 4 : 0);
        }
    }

    /**
     * The header of the frame at {@code at}, reading but not moving the buffer; null while the
     * buffer does not yet hold the whole header.
     */
    public static Header header(ByteBuffer in, int at, int limit) {
        if (limit - at < 2) {
            return null;
        }
        int b0 = in.get(at) & 0xff;
        int b1 = in.get(at + 1) & 0xff;
        long len = b1 & 0x7f;
        int header = 2;
        if (len == 126) {
            if (limit - at < 4) {
                return null;
            }
            len = ((in.get(at + 2) & 0xff) << 8) | (in.get(at + 3) & 0xff);
            header = 4;
        } else if (len == 127) {
            if (limit - at < 10) {
                return null;
            }
            len = in.getLong(at + 2);
            header = 10;
        }
        return new Header((b0 & 0x80) != 0, b0 & 0x0f, (b1 & 0x80) != 0, header, len);
    }

    /** The unmasked payload of a client frame. */
    public static byte[] unmask(ByteBuffer in, int frameStart, Header h) {
        byte[] mask = new byte[4];
        int maskAt = frameStart + h.headerLength();
        for (int i = 0; i < 4; i++) {
            mask[i] = h.masked() ? in.get(maskAt + i) : 0;
        }
        byte[] out = new byte[(int) h.payloadLength()];
        int from = h.payloadStart(frameStart);
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (in.get(from + i) ^ mask[i & 3]);
        }
        return out;
    }

    /**
     * Opens a blocking socket to a gateway on this machine and upgrades it to a WebSocket on
     * {@code /ws}: the load clients speak the protocol by hand, to stay light at thousands of
     * connections.
     */
    public static SocketChannel upgrade(int port) throws IOException {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        ByteBuffer request = ByteBuffer.wrap(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        while (request.hasRemaining()) {
            ch.write(request);
        }
        StringBuilder head = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (ch.read(one) < 0) {
                ch.close();
                throw new IOException("closed during the upgrade");
            }
            head.append((char) one.get(0));
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            ch.close();
            throw new IOException("upgrade refused: " + head);
        }
        return ch;
    }
}
