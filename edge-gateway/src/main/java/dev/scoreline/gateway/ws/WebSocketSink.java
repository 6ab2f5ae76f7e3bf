package dev.scoreline.gateway.ws;

import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.fanout.Sink;
import dev.scoreline.gateway.wire.Frame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSinkChannel;

/**
 * Writes one WebSocket's server frames (RFC 6455 section 5) straight to its socket: each frame's
 * shared JSON bytes behind a header of two to ten bytes, every frame waiting written with one
 * gathering write, the rest when the socket can take more. Nothing is copied per subscriber but
 * the header, and no message object is made per frame. Every method runs on the connection's I/O
 * thread but {@link #thread}.
 *
 * <p>The close handshake: whoever closes first sends a close frame; the other answers with one;
 * the server then ends the TCP connection. A client that never answers (or never reads) is cut off
 * after the close grace.
 */
final class WebSocketSink implements Sink {

    /** RFC 6455 allows 123 bytes of reason in a close frame. */
    private static final int MAX_REASON_BYTES = 123;
    /** Frames handed to one gathering write (two buffers each). */
    private static final int GATHER = 64;
    private static final ThreadLocal<ByteBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new ByteBuffer[GATHER * 2]);
    /** Headers of unmasked final text frames shorter than 126 bytes, by length: shared, never written to. */
    private static final byte[][] SHORT_TEXT_HEADERS = new byte[126][];

    static {
        for (int i = 0; i < SHORT_TEXT_HEADERS.length; i++) {
            SHORT_TEXT_HEADERS[i] = new byte[] {(byte) (0x80 | FrameReader.TEXT), (byte) i};
        }
    }

    /** A frame on its way out: its header and payload, and the fan-out frame it carries, if any. */
    private record Out(Frame frame, ByteBuffer header, ByteBuffer payload) {
        boolean written() {
            return !header.hasRemaining() && !payload.hasRemaining();
        }
    }

    private final StreamConnection connection;
    private final ConduitStreamSinkChannel out;
    private final Duration closeGrace;
    private final ArrayDeque<Out> pending = new ArrayDeque<>(4);
    private WriteDone done;
    private boolean closeSent;
    private boolean closeReceived;

    WebSocketSink(StreamConnection connection, Duration closeGrace) {
        this.connection = connection;
        this.out = connection.getSinkChannel();
        this.closeGrace = closeGrace;
        out.getWriteSetter().set(ch -> writeOut());
    }

    @Override
    public Executor thread() {
        return connection.getIoThread();
    }

    @Override
    public void write(List<Queued> batch, WriteDone done) {
        this.done = done;
        if (closeSent) {
            return;
        }
        for (Queued q : batch) {
            Frame frame = q.frame();
            pending.add(new Out(frame, header(FrameReader.TEXT, frame.size()), frame.buffer()));
        }
        writeOut();
    }

    /** Sends a ping; the client's pong proves it is still there. */
    void ping() {
        control(FrameReader.PING, new byte[0]);
    }

    /** Answers a client's ping with its payload. */
    void pong(byte[] payload) {
        control(FrameReader.PONG, payload);
    }

    @Override
    public void close(CloseReason reason, String detail) {
        sendClose(reason.code(), detail);
    }

    /** The client's close frame: answered with the same code (RFC 6455 5.5.1), then the TCP connection ends. */
    void closeReceived(int code) {
        closeReceived = true;
        if (closeSent) {
            finishIfDone();
        } else {
            sendClose(code == FrameReader.NO_STATUS ? CloseReason.PEER.code() : code, "");
        }
    }

    /** Sends a close frame with {@code code} after whatever was handed over before it. */
    void sendClose(int code, String reason) {
        if (closeSent || !connection.isOpen()) {
            return;
        }
        closeSent = true;
        byte[] why = clip(reason).getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(2 + why.length).putShort((short) code).put(why).flip();
        pending.add(new Out(null, header(FrameReader.CLOSE, payload.remaining()), payload));
        writeOut();
        if (connection.isOpen()) {
            // a client that does not read never lets the close frame out: end the socket anyway
            connection.getIoThread().executeAfter(() -> IoUtils.safeClose(connection), closeGrace.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void control(int opcode, byte[] payload) {
        if (closeSent) {
            return;
        }
        pending.add(new Out(null, header(opcode, payload.length), ByteBuffer.wrap(payload)));
        writeOut();
    }

    private void writeOut() {
        ByteBuffer[] buffers = SCRATCH.get();
        try {
            while (!pending.isEmpty()) {
                int n = 0;
                for (Out o : pending) {
                    if (n == buffers.length) {
                        break;
                    }
                    buffers[n++] = o.header();
                    buffers[n++] = o.payload();
                }
                out.write(buffers, 0, n);
                boolean progress = false;
                while (!pending.isEmpty() && pending.peekFirst().written()) {
                    Out o = pending.pollFirst();
                    progress = true;
                    if (o.frame() != null && done != null) {
                        done.written(o.frame());
                    }
                }
                if (!progress || !pending.isEmpty() && pending.peekFirst().header().position() > 0) {
                    break;
                }
            }
            Arrays.fill(buffers, null);
            if (pending.isEmpty()) {
                out.suspendWrites();
                finishIfDone();
            } else {
                out.resumeWrites();
            }
        } catch (IOException e) {
            Arrays.fill(buffers, null);
            pending.clear();
            if (done != null) {
                done.failed(e);
            }
            IoUtils.safeClose(connection);
        }
    }

    /** Ends the TCP connection once both close frames went and nothing waits. */
    private void finishIfDone() {
        if (closeSent && closeReceived && pending.isEmpty()) {
            IoUtils.safeClose(connection);
        }
    }

    static ByteBuffer header(int opcode, int length) {
        if (opcode == FrameReader.TEXT && length < 126) {
            return ByteBuffer.wrap(SHORT_TEXT_HEADERS[length]);
        }
        byte first = (byte) (0x80 | opcode);
        if (length < 126) {
            return ByteBuffer.wrap(new byte[] {first, (byte) length});
        }
        if (length < 65536) {
            return ByteBuffer.allocate(4).put(first).put((byte) 126).putShort((short) length).flip();
        }
        return ByteBuffer.allocate(10).put(first).put((byte) 127).putLong(length).flip();
    }

    static String clip(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        String clipped = reason;
        while (clipped.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES - 3) {
            clipped = clipped.substring(0, clipped.length() - 1);
        }
        return clipped + "...";
    }
}
