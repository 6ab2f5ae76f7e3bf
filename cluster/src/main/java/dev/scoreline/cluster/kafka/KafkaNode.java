package dev.scoreline.cluster.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * One node of the three-node KRaft cluster: broker and controller in one process, a voter of the
 * static quorum. It runs Kafka's own entry point, {@code kafka.Kafka server.properties}; this class
 * writes the properties and formats the data directory with the cluster id the three share.
 */
public final class KafkaNode {

    /** Kafka's own main class, as {@code kafka-server-start.sh} runs it. */
    public static final String MAIN_CLASS = "kafka.Kafka";

    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaNode() {}

    /**
     * @param quorumVoters {@code id@host:port,...} of the three controllers
     */
    public static Map<String, String> properties(int nodeId, int clientPort, int controllerPort, String quorumVoters,
            Path dataDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", quorumVoters);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir.toString());

        // Every record on three brokers; an acks=all write needs two of them, so one broker may be
        // down without refusing writes or losing an acknowledged record.
        config.put("default.replication.factor", "3");
        config.put("min.insync.replicas", "2");
        config.put("offsets.topic.replication.factor", "3");
        config.put("transaction.state.log.replication.factor", "3");
        config.put("transaction.state.log.min.isr", "2");
        config.put("unclean.leader.election.enable", "false");
        config.put("auto.create.topics.enable", "false");
        // Small internal topics and few threads: three brokers share two cores with Flink here.
        config.put("offsets.topic.num.partitions", "6");
        config.put("transaction.state.log.num.partitions", "6");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("num.replica.fetchers", "1");
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return config;
    }

    public static void writeProperties(Path file, Map<String, String> properties) {
        String text = properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# written by ./scoreline cluster\n", "\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Formats {@code dataDir} for node {@code nodeId} of cluster {@code clusterId}, unless it already is. */
    public static void formatIfNew(Path dataDir, int nodeId, String clusterId) {
        if (Files.exists(dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .addDirectory(dataDir.toString())
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
