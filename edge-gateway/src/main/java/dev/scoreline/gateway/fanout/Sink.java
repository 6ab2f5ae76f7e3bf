package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.wire.Frame;
import java.util.List;

/**
 * The transport under one {@link Connection}: a WebSocket or a Server-Sent Events stream. Every
 * method but {@link #execute} runs on the transport's own thread.
 */
public interface Sink {

    /** Runs a task on the transport's thread, without waiting for it. */
    void execute(Runnable task);

    /**
     * Writes these frames, in order, without blocking; reports each one through {@code done} once
     * it is written (or the failure).
     */
    void write(List<Queued> batch, WriteDone done);

    /** Ends the transport, telling the client why where the transport can. */
    void close(CloseReason reason, String detail);

    interface WriteDone {
        void written(Frame frame);

        void failed(Throwable cause);
    }
}
