package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.wire.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A transport for unit tests of one class: tasks run only when the test says so, writes complete
 * only when the test says so (a client that reads, or one that stopped).
 */
final class FakeSink implements Sink {

    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final Executor thread = tasks::add;
    final List<List<Frame>> writes = new ArrayList<>();
    final ArrayDeque<Frame> unconfirmed = new ArrayDeque<>();
    WriteDone done;
    CloseReason closedWith;
    String closeDetail;

    @Override
    public Executor thread() {
        return thread;
    }

    @Override
    public void write(List<Queued> batch, WriteDone done) {
        this.done = done;
        List<Frame> frames = batch.stream().map(Queued::frame).toList();
        writes.add(frames);
        unconfirmed.addAll(frames);
    }

    @Override
    public void close(CloseReason reason, String detail) {
        closedWith = reason;
        closeDetail = detail;
    }

    /** Runs the transport thread until it has nothing left to do. */
    void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /** The client reads everything written so far. */
    void confirmAll() {
        Frame f;
        while ((f = unconfirmed.poll()) != null) {
            done.written(f.size());
        }
    }

    /** Reads and writes until both are idle: a client that keeps up. */
    void drain() {
        while (!tasks.isEmpty() || !unconfirmed.isEmpty()) {
            runTasks();
            confirmAll();
        }
    }

    List<Frame> written() {
        return writes.stream().flatMap(List::stream).toList();
    }
}
