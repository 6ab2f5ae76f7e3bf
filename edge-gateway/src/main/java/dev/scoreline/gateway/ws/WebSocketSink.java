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
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSinkChannel;

/**
 * Writes one WebSocket's server frames (RFC 6455 section 5) straight to its socket: each frame's
 * shared JSON bytes behind a header of two to ten bytes. The frames waiting are copied into the
 * I/O thread's one direct buffer and written with one call, the rest when the socket can take
 * more; the socket write of a heap buffer would copy it into a temporary direct buffer anyway,
 * one lookup per buffer. No message object is made per frame. Every method runs on the
 * connection's I/O thread but {@link #thread}.
 *
 * <p>The close handshake: whoever closes first sends a close frame; the other answers with one;
 * the server then ends the TCP connection. A client that never answers (or never reads) is cut off
 * after the close grace.
 */
final class WebSocketSink implements Sink {

    /** RFC 6455 allows 123 bytes of reason in a close frame. */
    private static final int MAX_REASON_BYTES = 123;
    /** What one write call takes at most: the default write window. */
    private static final int WRITE_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> OUT_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(WRITE_BYTES));
    /**
     * A frame on its way out: its opcode and payload, how much of it (header included) the socket
     * took, and the fan-out frame it carries, if any.
     */
    static final class Out {
        final Frame frame;
        final int opcode;
        final byte[] payload;
        final int headerLength;
        int written;

        Out(Frame frame, int opcode, byte[] payload) {
            this.frame = frame;
            this.opcode = opcode;
            this.payload = payload;
            this.headerLength = payload.length < 126 ? 2 : payload.length < 65536 ? 4 : 10;
        }

        int length() {
            return headerLength + payload.length;
        }

        /**
         * Copies what is left of this frame into {@code buf}, as much as fits; a frame not begun
         * starts only when its whole header fits. What is copied counts as written once the socket
         * takes it.
         *
         * @return true when all of the frame is in {@code buf}
         */
        boolean copyInto(ByteBuffer buf) {
            int at = written;
            if (at == 0) {
                if (buf.remaining() < headerLength) {
                    return false;
                }
                putHeader(buf);
                at = headerLength;
            } else if (at < headerLength) {
                // the socket took part of the header last time
                ByteBuffer header = ByteBuffer.allocate(headerLength);
                putHeader(header);
                int n = Math.min(headerLength - at, buf.remaining());
                buf.put(header.array(), at, n);
                if (at + n < headerLength) {
                    return false;
                }
                at = headerLength;
            }
            int from = at - headerLength;
            int n = Math.min(payload.length - from, buf.remaining());
            buf.put(payload, from, n);
            return from + n == payload.length;
        }

        private void putHeader(ByteBuffer buf) {
            buf.put((byte) (0x80 | opcode));
            if (headerLength == 2) {
                buf.put((byte) payload.length);
            } else if (headerLength == 4) {
                buf.put((byte) 126).putShort((short) payload.length);
            } else {
                buf.put((byte) 127).putLong(payload.length);
            }
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
            pending.add(new Out(frame, FrameReader.TEXT, frame.json()));
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
        byte[] payload = ByteBuffer.allocate(2 + why.length).putShort((short) code).put(why).array();
        pending.add(new Out(null, FrameReader.CLOSE, payload));
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
        pending.add(new Out(null, opcode, payload));
        writeOut();
    }

    private void writeOut() {
        ByteBuffer buf = OUT_BUFFER.get();
        try {
            while (!pending.isEmpty()) {
                buf.clear();
                for (Out o : pending) {
                    if (!o.copyInto(buf)) {
                        break;
                    }
                }
                buf.flip();
                int n = out.write(buf);
                long frameBytes = 0;
                while (n > 0) {
                    Out o = pending.peekFirst();
                    int take = Math.min(n, o.length() - o.written);
                    o.written += take;
                    n -= take;
                    if (o.written == o.length()) {
                        pending.pollFirst();
                        if (o.frame != null) {
                            frameBytes += o.frame.size();
                        }
                    }
                }
                if (frameBytes > 0 && done != null) {
                    done.written(frameBytes);
                }
                if (buf.hasRemaining()) {
                    break;
                }
            }
            if (pending.isEmpty()) {
                out.suspendWrites();
                finishIfDone();
            } else {
                out.resumeWrites();
            }
        } catch (IOException e) {
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
