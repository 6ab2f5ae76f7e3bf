package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.wire.Frame;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The transport under one {@link Connection}: a WebSocket or a Server-Sent Events stream. Every
 * method but {@link #thread} runs on the transport's own thread.
 */
public interface Sink {

    /** The transport's thread: tasks given to it run there, in order, without the caller waiting. */
    Executor thread();

    /**
     * Writes these frames, in order, without blocking; reports the bytes of the frames written
     * through {@code done} as they go (or the failure).
     */
    void write(List<Queued> batch, WriteDone done);

    /** Ends the transport, telling the client why where the transport can. */
    void close(CloseReason reason, String detail);

    interface WriteDone {
        /** These bytes of frames handed over (whole frames) are written. */
        void written(long bytes);

        void failed(Throwable cause);
    }
}
