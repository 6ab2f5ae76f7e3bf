package dev.scoreline.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real cluster for every test class of the run (starting eight JVMs takes most of a minute on
 * two cores), on a base port where all its ports are free, its state and logs in
 * {@code target/it-cluster} for a look afterwards; stopped when the test JVM ends.
 */
final class SharedCluster {

    /** The cluster's state directory, wiped when the first test of the run starts it. */
    static final Path DIR = Installation.fromSystem().home().resolve("cluster/target/it-cluster");
    /** The dealer's secret, a file in the state directory: tables deal their hands by themselves. */
    static final Path DEALER_SECRET = DIR.resolve("dealer-secret");

    /**
     * Job options every test's job runs with: frequent checkpoints, a small record limit for the
     * oversized records, and the dealer (every submission: a job without it would stop dealing).
     */
    static final List<String> JOB_ARGS = List.of("--checkpoint-interval", "3s", "--max-record-bytes", "8192",
            "--dealer-secret-file", DEALER_SECRET.toString());

    private static Cluster cluster;

    private SharedCluster() {}

    static synchronized Cluster get() {
        if (cluster == null) {
            Installation installation = Installation.fromSystem();
            Path dir = DIR;
            deleteTree(dir);
            writeDealerSecret();
            Cluster started = Cluster.at(installation, new StateDir(dir), Layout.standard(freeBase()));
            Runtime.getRuntime().addShutdownHook(new Thread(started::down, "cluster-down"));
            started.up(JOB_ARGS);
            cluster = started;
        }
        return cluster;
    }

    private static void writeDealerSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DEALER_SECRET, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            Files.setPosixFilePermissions(DEALER_SECRET, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
