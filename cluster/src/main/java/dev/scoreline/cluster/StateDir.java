package dev.scoreline.cluster;

import dev.scoreline.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The cluster's state directory (default {@code .scoreline/cluster}): {@code cluster.json}, each
 * broker's data, Flink's generated configuration, checkpoints and savepoints, and one log per
 * process under {@code logs/}.
 */
public record StateDir(Path root) {

    public static final Path DEFAULT = Path.of(".scoreline", "cluster");

    public StateDir {
        root = root.toAbsolutePath().normalize();
    }

    Path stateFile() {
        return root.resolve("cluster.json");
    }

    public Path log(String member) {
        return root.resolve("logs").resolve(member + ".log");
    }

    Path kafkaData(Member broker) {
        return root.resolve(broker.name()).resolve("data");
    }

    Path kafkaProperties(Member broker) {
        return root.resolve(broker.name()).resolve("server.properties");
    }

    public Path flinkConfDir() {
        return root.resolve("flink").resolve("conf");
    }

    public Path checkpoints() {
        return root.resolve("flink").resolve("checkpoints");
    }

    public Path savepoints() {
        return root.resolve("flink").resolve("savepoints");
    }

    /**
     * The dealer's secret the job's tables deal from, made once and kept: a job restored after an
     * {@code up} must deal the same cards as before.
     */
    public Path dealerSecret() {
        Path file = root.resolve("dealer-secret");
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try {
                Files.createDirectories(root);
                Files.writeString(file, HexFormat.of().formatHex(secret));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the dealer's secret to " + file, e);
            }
        }
        return file;
    }

    Path flinkUploads() {
        return root.resolve("flink").resolve("uploads");
    }

    Path tmp(Member member) {
        return root.resolve("tmp").resolve(member.name());
    }

    Optional<ClusterState> load() {
        Path file = stateFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), ClusterState.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes atomically, readable by its owner only: it holds the gateways' secret. */
    void save(ClusterState state) {
        try {
            Files.createDirectories(root);
            Path tmp = root.resolve("cluster.json.tmp");
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own permissions are all there is
            }
            Files.move(tmp, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile(), e);
        }
    }
}
