package dev.scoreline.kafka;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive use of a data directory by one broker, in this JVM or any other process.
 *
 * <p>Kafka locks its log directories only once the broker role starts, after the controller has
 * already opened (and may have written to) the metadata log in the same directory; a second broker
 * on a directory in use must be refused before that.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE_NAME = ".in-process-kafka.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InProcessKafkaException("cannot open the lock file " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new InProcessKafkaException("cannot lock the Kafka data directory " + dir + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new InProcessKafkaException("the Kafka data directory " + dir
                    + " is in use by another broker (it holds " + file + ")");
        }
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            throw new InProcessKafkaException("cannot release the lock " + FILE_NAME + ": " + e.getMessage(), e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock (if any) goes with the channel either way
        }
    }
}
