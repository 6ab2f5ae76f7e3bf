package dev.scoreline.gateway.ws;

import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.fanout.Sink;
import dev.scoreline.gateway.wire.Frame;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * Writes frames to one WebSocket. The channel runs in explicit-flush mode: every frame of a batch
 * is queued as its own text message, then one flush writes them all with one gathering write.
 * Each message's completion (its bytes handed to the socket) is reported back, which is how the
 * connection knows its bytes in flight.
 */
final class WebSocketSink implements Sink {

    /** RFC 6455 allows 123 bytes of reason in a close frame. */
    private static final int MAX_REASON_BYTES = 123;

    private final WebSocketChannel channel;
    private final Duration closeGrace;
    private Completion completion;

    WebSocketSink(WebSocketChannel channel, Duration closeGrace) {
        this.channel = channel;
        this.closeGrace = closeGrace;
        channel.setRequireExplicitFlush(true);
    }

    @Override
    public void execute(Runnable task) {
        channel.getIoThread().execute(task);
    }

    @Override
    public void write(List<Queued> batch, WriteDone done) {
        if (completion == null) {
            completion = new Completion(done);
        }
        for (Queued q : batch) {
            WebSockets.sendText(q.frame().buffer(), channel, completion, q.frame());
        }
        channel.flush();
    }

    @Override
    public void close(CloseReason reason, String detail) {
        if (!channel.isOpen()) {
            return;
        }
        if (!channel.isCloseFrameSent()) {
            WebSockets.sendClose(reason.code(), clip(detail), channel, null);
            channel.flush();
        }
        // a client that does not read never lets the close frame out: end the socket anyway
        channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), closeGrace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a ping; the client's pong proves it is still there. */
    void ping() {
        WebSockets.sendPing(ByteBuffer.allocate(0), channel, null);
        channel.flush();
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

    private static final class Completion implements WebSocketCallback<Frame> {
        private final WriteDone done;

        Completion(WriteDone done) {
            this.done = done;
        }

        @Override
        public void complete(WebSocketChannel channel, Frame frame) {
            done.written(frame);
        }

        @Override
        public void onError(WebSocketChannel channel, Frame frame, Throwable throwable) {
            done.failed(throwable);
        }
    }
}
