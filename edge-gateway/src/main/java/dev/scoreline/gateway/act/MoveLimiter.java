package dev.scoreline.gateway.act;

/**
 * A token bucket per connection: {@code perSecond} moves a second on average, {@code burst} at
 * once. A person clicks far below it; a runaway client or a bot flood hits it and gets
 * {@code rate-limited} answers while every other connection goes on. Not thread-safe: one
 * connection's frames are read on one thread.
 */
public final class MoveLimiter {

    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    public MoveLimiter(int perSecond, int burst, long nowNanos) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a move limit needs at least 1 a second and a burst of 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one move's token; false when the connection is over its limit. */
    public boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
