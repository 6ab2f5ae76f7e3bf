package dev.scoreline.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real cluster for every test class of the run (starting eight JVMs takes most of a minute on
 * two cores), on a base port where all its ports are free, its state and logs in
 * {@code target/it-cluster} for a look afterwards; stopped when the test JVM ends.
 */
final class SharedCluster {

    /** Job options every test's job runs with: frequent checkpoints, a small record limit for the oversized records. */
    static final List<String> JOB_ARGS = List.of("--checkpoint-interval", "3s", "--max-record-bytes", "8192");

    private static Cluster cluster;

    private SharedCluster() {}

    static synchronized Cluster get() {
        if (cluster == null) {
            Installation installation = Installation.fromSystem();
            Path dir = installation.home().resolve("cluster/target/it-cluster");
            deleteTree(dir);
            Cluster started = Cluster.at(installation, new StateDir(dir), Layout.standard(freeBase()));
            Runtime.getRuntime().addShutdownHook(new Thread(started::down, "cluster-down"));
            started.up(JOB_ARGS);
            cluster = started;
        }
        return cluster;
    }

    private static int freeBase() {
        for (int base = 21000; base < 60000; base += 200) {
            Layout layout = Layout.standard(base);
            if (layout.members().stream().allMatch(m -> free(m.port()) && free(m.secondPort()) && free(m.metricsPort()))
                    && free(layout.blobPort())) {
                return base;
            }
        }
        throw new IllegalStateException("no free range of ports for a test cluster");
    }

    private static boolean free(int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
