package dev.scoreline.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The measured figures of a run, printed and appended to {@code target/cluster-figures.txt}. */
final class Figures {

    private Figures() {}

    static synchronized void record(String line) {
        System.out.println("FIGURE " + line);
        Path file = Installation.fromSystem().home().resolve("cluster/target/cluster-figures.txt");
        try {
            Files.writeString(file, Instant.now() + " " + line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
