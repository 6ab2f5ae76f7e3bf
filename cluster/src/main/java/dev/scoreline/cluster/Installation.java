package dev.scoreline.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the built project lives: the jars every cluster process runs on, the job jar and Flink's
 * configuration. The launcher passes the repository's root as {@code -Dscoreline.home}.
 */
public record Installation(Path home) {

    public static final String HOME_PROPERTY = "scoreline.home";

    public Installation {
        home = home.toAbsolutePath().normalize();
    }

    /** The installation named by {@code -Dscoreline.home}, else the working directory. */
    public static Installation fromSystem() {
        return new Installation(Path.of(System.getProperty(HOME_PROPERTY, ".")));
    }

    /** {@code cluster.jar} and {@code lib/*}: the Kafka, Flink and gateway jars, and ours. */
    public String classpath() {
        Path target = home.resolve("cluster/target");
        Path jar = target.resolve("cluster.jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("the cluster module is not built: " + jar + " and " + lib
                    + " are missing (mvn -B -DskipTests package builds them)");
        }
        return jar + java.io.File.pathSeparator + lib.resolve("*");
    }

    /** The job jar {@code flink run} takes: the shade plugin's {@code stream-job-*-job.jar}. */
    public Path jobJar() {
        Path target = home.resolve("stream-job/target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches("stream-job-.*-job\\.jar"))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("no job jar in " + target
                            + " (mvn -B -DskipTests package builds stream-job-*-job.jar)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the Flink {@code config.yaml} the cluster's configuration starts from. */
    public Path flinkConfDir() {
        Path dir = home.resolve("flink-conf");
        if (!Files.isRegularFile(dir.resolve("config.yaml"))) {
            throw new IllegalStateException("no Flink configuration at " + dir.resolve("config.yaml"));
        }
        return dir;
    }

    /** The {@code java} of this JVM: every process runs on the same one. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
