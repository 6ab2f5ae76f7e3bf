package dev.scoreline.gateway.fanout;

/**
 * One connection's subscription to one hub, as the hub's lanes hold it: a delivery reaches the
 * connection without a lookup. {@code after} is the number of the hub's last change the
 * connection was sent directly (as catch-up or conflation), so that it skips the changes up to it
 * still in its lane; {@code ended} makes deliveries already on their way skip it once it is over.
 * Both are guarded by the connection's lock.
 */
final class Subscription {

    private final Connection connection;
    private final Hub hub;
    long after;
    boolean ended;

    Subscription(Connection connection, Hub hub, long after) {
        this.connection = connection;
        this.hub = hub;
        this.after = after;
    }

    Connection connection() {
        return connection;
    }

    Hub hub() {
        return hub;
    }
}
