package dev.scoreline.bench.play;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sets the offered load: one move per slot at the current rate, given to the bot that has waited
 * longest for one. A slot with no bot ready is lost, and counted: it means every table was
 * waiting for the system (a verdict, a delta, the dealer), not for a bot.
 */
final class Pacer implements AutoCloseable {

    /** How far the pacer may fall behind its slots (descheduled) and still catch up in a burst. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;

    private final ConcurrentLinkedQueue<SeatBot> ready = new ConcurrentLinkedQueue<>();
    private final LongAdder lost = new LongAdder();
    private final Thread thread;
    private volatile long intervalNanos;
    private volatile boolean running = true;

    Pacer(int movesPerSecond) {
        rate(movesPerSecond);
        thread = new Thread(this::loop, "play-pacer");
        thread.setDaemon(true);
        thread.start();
    }

    void rate(int movesPerSecond) {
        intervalNanos = 1_000_000_000L / movesPerSecond;
    }

    void ready(SeatBot bot) {
        ready.add(bot);
    }

    /** Slots lost so far for want of a ready bot. */
    long lost() {
        return lost.sum();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            next = Math.max(next, now - MAX_LAG_NANOS);
            boolean moved = false;
            SeatBot bot;
            while (!moved && (bot = ready.poll()) != null) {
                moved = bot.move();
            }
            if (!moved) {
                lost.increment();
            }
            next += intervalNanos;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2000);
    }
}
