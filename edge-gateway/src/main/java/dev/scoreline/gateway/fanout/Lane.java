package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.wire.Frame;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connections one transport thread serves, and the changes on their way to them. A hub hands
 * each change to each lane once, with the lane's subscribers of that moment; the lane's thread
 * then queues it for each of them and, once the changes that arrived meanwhile are all queued,
 * writes to each connection it touched once. The feed thread's work per change so grows with the
 * transport threads, not with the subscribers, it schedules one task per pass instead of one per
 * subscriber, and a connection gets one write per pass instead of one per frame.
 */
final class Lane {

    /**
     * A change for {@code count} subscribers, the first of {@code to}: {@code seq} orders it among
     * the hub's changes, which is how a connection skips what its catch-up already holds.
     */
    record Delivery(Hub hub, Frame frame, long seq, Connection[] to, int count) {}

    private final int index;
    private final Executor thread;
    private final ConcurrentLinkedQueue<Delivery> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable pass = this::pass;
    /** Connections queued to in this pass; only the lane's thread touches it. */
    private final ArrayList<Connection> touched = new ArrayList<>();

    Lane(int index, Executor thread) {
        this.index = index;
        this.thread = thread;
    }

    int index() {
        return index;
    }

    void post(Delivery delivery) {
        inbox.add(delivery);
        if (scheduled.compareAndSet(false, true)) {
            thread.execute(pass);
        }
    }

    private void pass() {
        // cleared first: a change posted from here on schedules another pass, whether this one sees it or not
        scheduled.set(false);
        Delivery d;
        while ((d = inbox.poll()) != null) {
            for (int i = 0; i < d.count(); i++) {
                Connection c = d.to()[i];
                if (c.offer(d) && c.touch()) {
                    touched.add(c);
                }
            }
        }
        for (Connection c : touched) {
            c.untouch();
            c.flush();
        }
        touched.clear();
    }
}
