package dev.scoreline.testkit;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for what happens on other threads (a gateway, a job, a browser) without a fixed sleep. */
public final class Await {

    private static final long POLL_MILLIS = 50;

    /** What a test looks for: null while it is not there yet. */
    @FunctionalInterface
    public interface Probe<T, E extends Exception> {
        T get() throws E;
    }

    private Await() {}

    /** Returns once {@code condition} holds; fails, naming {@code what}, after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        value(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** The first value {@code probe} finds (not null); fails, naming {@code what}, after {@code timeout}. */
    public static <T, E extends Exception> T value(String what, Duration timeout, Probe<T, E> probe) throws E {
        return value(() -> what, timeout, probe);
    }

    /** The same, with a message made when the wait fails: it can say what was found instead. */
    public static <T, E extends Exception> T value(Supplier<String> what, Duration timeout, Probe<T, E> probe)
            throws E {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The next item of {@code queue}; fails, saying there was no {@code what}, after {@code timeout}. */
    public static <T> T next(BlockingQueue<T> queue, Duration timeout, String what) {
        try {
            T item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + timeout);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
