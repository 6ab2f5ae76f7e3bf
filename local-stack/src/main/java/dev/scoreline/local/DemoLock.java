package dev.scoreline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One demo per directory: taken before anything in it is wiped, so a second {@code ./scoreline
 * demo} in the same checkout stops with a message instead of deleting the running demo's data.
 * The operating system releases it when the process dies, so a killed demo leaves no stale lock.
 */
final class DemoLock implements AutoCloseable {

    static final String FILE_NAME = ".demo.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DemoLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException naming the process that holds the directory */
    static DemoLock acquire(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("another demo" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " is running in " + dir + "; stop it first, or give this one another --dir");
            }
            try {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(
                        Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new DemoLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
