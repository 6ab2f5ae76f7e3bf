package dev.scoreline.cluster.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A started process as the state directory remembers it. The start instant tells the process
 * apart from a later one that got the same pid.
 */
public record ProcessRecord(long pid, Instant started, String log) {

    /** Start times read back from the OS may differ from the first reading by rounding. */
    private static final Duration SAME_START = Duration.ofSeconds(2);

    static ProcessRecord of(ProcessHandle handle, Path log) {
        Instant started = handle.info().startInstant().orElse(Instant.now());
        return new ProcessRecord(handle.pid(), started, log.toAbsolutePath().toString());
    }

    /** The live process this record names, if it still runs. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().startInstant()
                        .map(s -> Duration.between(s, started).abs().compareTo(SAME_START) <= 0)
                        .orElse(true));
    }

    public boolean alive() {
        return handle().isPresent();
    }

    /** kill -9: the process gets no chance to clean up. */
    public void kill() {
        handle().ifPresent(h -> {
            h.destroyForcibly();
            awaitExit(h, Duration.ofSeconds(10));
        });
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. @return whether it had to be killed */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> live = handle();
        if (live.isEmpty()) {
            return false;
        }
        ProcessHandle h = live.get();
        h.destroy();
        if (awaitExit(h, grace)) {
            return false;
        }
        h.destroyForcibly();
        awaitExit(h, Duration.ofSeconds(10));
        return true;
    }

    private static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        }
    }
}
