package dev.scoreline.gateway.sse;

import dev.scoreline.gateway.fanout.CloseReason;
import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.fanout.Sink;
import dev.scoreline.gateway.wire.Frame;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Writes frames to one Server-Sent Events stream: each frame becomes an event named after its
 * type, with the frame's shared JSON bytes as its data and its position as its id. A batch goes
 * out in one gathering write; what the socket does not take yet waits for the channel to become
 * writable again.
 */
final class SseSink implements Sink {

    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

    /** One event (or comment) being written; {@code frame} null for a comment. */
    private record Pending(Frame frame, ByteBuffer[] buffers) {
        boolean written() {
            for (ByteBuffer b : buffers) {
                if (b.hasRemaining()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final HttpServerExchange exchange;
    private final StreamSinkChannel channel;
    private final boolean singleChannel;
    private final Duration closeGrace;
    private final Map<String, String> positions = new LinkedHashMap<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private WriteDone done;
    private boolean ended;

    SseSink(HttpServerExchange exchange, StreamSinkChannel channel, List<String> channels, Duration closeGrace) {
        this.exchange = exchange;
        this.channel = channel;
        this.singleChannel = channels.size() == 1;
        this.closeGrace = closeGrace;
        channel.getWriteSetter().set(c -> writeOut());
    }

    @Override
    public Executor thread() {
        return exchange.getIoThread();
    }

    @Override
    public void write(List<Queued> batch, WriteDone done) {
        this.done = done;
        for (Queued q : batch) {
            pending.add(new Pending(q.frame(), encode(q.frame())));
        }
        writeOut();
    }

    /** A comment line: opens the stream, and keeps idle streams (and the proxies between) alive. */
    void comment(String text) {
        if (!ended && pending.isEmpty()) {
            pending.add(new Pending(null, new ByteBuffer[] {
                ByteBuffer.wrap((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8))}));
            writeOut();
        }
    }

    private ByteBuffer[] encode(Frame frame) {
        String id;
        if (singleChannel) {
            id = EventIds.single(frame.epoch(), frame.to());
        } else {
            positions.put(frame.channel(), EventIds.single(frame.epoch(), frame.to()));
            id = EventIds.multi(positions);
        }
        byte[] head = ("event: " + frame.kind().type() + "\nid: " + id + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        return new ByteBuffer[] {ByteBuffer.wrap(head), frame.buffer(), ByteBuffer.wrap(EVENT_END)};
    }

    private void writeOut() {
        if (ended) {
            return;
        }
        try {
            while (!pending.isEmpty()) {
                List<ByteBuffer> all = new ArrayList<>();
                for (Pending p : pending) {
                    for (ByteBuffer b : p.buffers()) {
                        if (b.hasRemaining()) {
                            all.add(b);
                        }
                    }
                }
                long n = channel.write(all.toArray(ByteBuffer[]::new));
                long written = 0;
                while (!pending.isEmpty() && pending.peekFirst().written()) {
                    Pending p = pending.pollFirst();
                    if (p.frame() != null) {
                        written += p.frame().size();
                    }
                }
                if (written > 0) {
                    done.written(written);
                }
                if (n == 0 && !pending.isEmpty()) {
                    channel.resumeWrites();
                    return;
                }
            }
            if (channel.flush()) {
                channel.suspendWrites();
            } else {
                channel.resumeWrites();
            }
        } catch (IOException e) {
            ended = true;
            pending.clear();
            if (done != null) {
                done.failed(e);
            }
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    @Override
    public void close(CloseReason reason, String detail) {
        if (ended) {
            return;
        }
        ended = true;
        pending.clear();
        try {
            channel.shutdownWrites();
            channel.flush();
        } catch (IOException e) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        exchange.getIoThread().executeAfter(() -> IoUtils.safeClose(exchange.getConnection()),
                closeGrace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
