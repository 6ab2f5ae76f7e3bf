package dev.scoreline.gateway.fanout;

import dev.scoreline.gateway.wire.Frame;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
     * A change for {@code count} subscriptions, the first of {@code to}: {@code seq} orders it among
     * the hub's changes, which is how a connection skips what its catch-up already holds.
     */
    record Delivery(Frame frame, long seq, Subscription[] to, int count) {}

    /**
     * Subscribers one pass queues to (whole deliveries) before it writes what it queued and lets
     * the thread serve its sockets: a feed that never pauses must not hold every write back.
     */
    private static final int OFFERS_PER_PASS = 1024 * 1024;

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

    /**
     * Queues a delivery; the lane's thread takes it up at once when {@code now}, else at the next
     * {@link #kick} (the caller is applying a batch of changes, which then reach each connection in
     * one write).
     */
    void post(Delivery delivery, boolean now) {
        inbox.add(delivery);
        if (now) {
            kick();
        }
    }

    void kick() {
        if (!inbox.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                thread.execute(pass);
            } catch (RejectedExecutionException e) {
                // the transport thread is shutting down, and its connections with it
                inbox.clear();
            }
        }
    }

    private void pass() {
        // cleared first: a change posted from here on schedules another pass, whether this one sees it or not
        scheduled.set(false);
        Delivery d;
        int offers = 0;
        while (offers < OFFERS_PER_PASS && (d = inbox.poll()) != null) {
            offers += d.count();
            Subscription[] to = d.to();
            for (int i = 0; i < d.count(); i++) {
                Connection c = to[i].connection();
                if (c.offer(to[i], d) && c.touch()) {
                    touched.add(c);
                }
            }
        }
        for (Connection c : touched) {
            c.untouch();
            c.flush();
        }
        touched.clear();
        kick();
    }
}
