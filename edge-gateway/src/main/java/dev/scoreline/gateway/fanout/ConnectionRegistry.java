package dev.scoreline.gateway.fanout;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The open connections of a gateway, bounded in number, so that they can be counted and closed. */
public final class ConnectionRegistry {

    private final int max;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    public ConnectionRegistry(int max) {
        this.max = max;
    }

    /** A quick check before accepting a connection, so that a full gateway can answer 503. */
    public boolean full() {
        return count.get() >= max;
    }

    /** Takes a place for a new connection; false when the gateway is full. */
    public boolean reserve() {
        while (true) {
            int n = count.get();
            if (n >= max) {
                return false;
            }
            if (count.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Registers a connection that holds a place taken with {@link #reserve()}. */
    public void add(Connection connection) {
        open.add(connection);
    }

    /** Gives back the place of a connection that has ended. */
    public void remove(Connection connection) {
        if (open.remove(connection)) {
            count.decrementAndGet();
        }
    }

    public int size() {
        return count.get();
    }

    public void closeAll(CloseReason reason, String detail) {
        for (Connection c : open) {
            c.close(reason, detail);
        }
    }
}
