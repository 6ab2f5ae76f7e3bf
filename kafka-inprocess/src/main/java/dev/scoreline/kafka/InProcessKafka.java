package dev.scoreline.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller roles in one node), running
 * inside this JVM on loopback ports, with its log in a data directory that survives restarts.
 *
 * <p>The directory is formatted (a new cluster id written to its {@code meta.properties}) only on
 * the first start; later starts on the same directory reuse the cluster, its topics and records,
 * whatever ports they listen on.
 */
public final class InProcessKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessKafka.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /**
     * Free ports (the controller's always, the broker's when asked for port 0) are found before Kafka
     * binds them, so another process may take one in between; a port given by the caller and taken
     * by then fails the next attempt with a clear message.
     */
    private static final int ATTEMPTS_WITH_PICKED_PORTS = 3;
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    /** Settings this class owns: changing them would break the loopback single-node layout. */
    private static final Set<String> RESERVED_CONFIG = Set.of(
            "process.roles", "node.id", "broker.id",
            "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "listeners", "advertised.listeners", "listener.security.protocol.map",
            "controller.listener.names", "inter.broker.listener.name",
            "log.dirs", "log.dir", "metadata.log.dir");

    private final Path dataDir;
    private final int port;
    private final KafkaRaftServer server;
    private final DataDirLock lock;
    private final Admin admin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InProcessKafka(Path dataDir, int port, KafkaRaftServer server, DataDirLock lock) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
        this.lock = lock;
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "in-process-kafka-admin-" + port);
        this.admin = Admin.create(adminConfig);
    }

    /** Starts a broker on a free loopback port. */
    public static InProcessKafka start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** Starts a broker on {@code 127.0.0.1:port}; port 0 picks a free one. */
    public static InProcessKafka start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} (0 picks a free one) with extra broker settings
     * (Kafka's names, such as {@code auto.create.topics.enable}) on top of the single-node defaults.
     * Listeners, roles, node id and directories are this class's own and cannot be overridden.
     */
    public static InProcessKafka start(Path dataDir, int port, Map<String, String> brokerConfig) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(brokerConfig, "brokerConfig");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (pick a free one) or 1..65535, was " + port);
        }
        Set<String> reserved = brokerConfig.keySet().stream()
                .filter(RESERVED_CONFIG::contains)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("broker settings " + reserved
                    + " are set by InProcessKafka itself and cannot be overridden");
        }
        Path dir = createDataDir(dataDir);
        DataDirLock lock = DataDirLock.acquire(dir);
        try {
            formatIfNew(dir);
            return launchOnFreePorts(dir, port, brokerConfig, lock);
        } catch (RuntimeException e) {
            try {
                lock.close();
            } catch (RuntimeException unlockFailure) {
                e.addSuppressed(unlockFailure);
            }
            throw e;
        }
    }

    private static InProcessKafka launchOnFreePorts(Path dir, int port, Map<String, String> brokerConfig,
            DataDirLock lock) {
        for (int attempt = 1; ; attempt++) {
            Ports ports = Ports.reserve(port);
            try {
                return launch(dir, ports, brokerConfig, lock);
            } catch (PortRaceException e) {
                if (attempt >= ATTEMPTS_WITH_PICKED_PORTS) {
                    throw new InProcessKafkaException("Kafka could not bind its loopback ports after "
                            + attempt + " attempts: " + e.getCause().getMessage(), e.getCause());
                }
                LOG.info("A picked port was taken before Kafka bound it ({}); trying other ports",
                        e.getCause().getMessage());
            }
        }
    }

    /** {@code 127.0.0.1:<port>}, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The directory holding the broker's log and metadata, as an absolute path. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * An admin client connected to this broker, shared by every caller and closed by {@link #close()}:
     * callers must not close it.
     */
    public Admin admin() {
        requireOpen();
        return admin;
    }

    /**
     * Creates a topic with replication factor 1 and the given topic-level settings, and returns once
     * every partition has a leader that answers requests. A topic that already exists is left as it
     * is (its partitions and settings unchanged), so starting again on the same data directory can
     * create the same topics.
     */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, was " + partitions);
        }
        requireOpen();
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(config);
        try {
            admin.createTopics(List.of(topic)).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
            LOG.info("Created topic {} ({} partitions, {})", name, partitions, config);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new InProcessKafkaException("cannot create topic " + name + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new InProcessKafkaException("creating topic " + name + " did not finish within "
                    + TOPIC_READY_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InProcessKafkaException("interrupted while creating topic " + name, e);
        }
        awaitUsable(name, deadline);
    }

    /** Stops the broker and the controller, releasing their ports and the data directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            admin.close(ADMIN_CLOSE_TIMEOUT);
        } finally {
            try {
                stop(server);
            } finally {
                lock.close();
            }
        }
        LOG.info("Kafka broker {} stopped in {} ms", bootstrapServers(), millisSince(started));
    }

    @Override
    public String toString() {
        return "InProcessKafka[" + bootstrapServers() + ", " + dataDir + "]";
    }

    private static InProcessKafka launch(Path dir, Ports ports, Map<String, String> overrides, DataDirLock lock) {
        long started = System.nanoTime();
        KafkaRaftServer server;
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(brokerProperties(dir, ports, overrides), false),
                    Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new InProcessKafkaException("Kafka broker with data directory " + dir
                    + " cannot be set up: " + e.getMessage(), e);
        }
        try {
            server.startup();
        } catch (Exception e) {
            stop(server);
            if (causedBy(e, BindException.class)) {
                throw new PortRaceException(e);
            }
            throw new InProcessKafkaException("Kafka broker on " + HOST + ":" + ports.broker()
                    + " with data directory " + dir + " failed to start: " + e.getMessage(), e);
        }
        InProcessKafka kafka;
        try {
            kafka = new InProcessKafka(dir, ports.broker(), server, lock);
        } catch (RuntimeException e) {
            stop(server);
            throw e;
        }
        LOG.info("Kafka broker started on {} (controller on port {}, data in {}) in {} ms",
                kafka.bootstrapServers(), ports.controller(), dir, millisSince(started));
        return kafka;
    }

    private static Properties brokerProperties(Path dir, Ports ports, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        // A static voter set keeps the controller's address in the configuration only (not in the
        // metadata log), so a restart on the same directory may listen on different ports.
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + ports.controller());
        config.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + ports.broker()
                + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + ports.controller());
        config.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + ports.broker());
        config.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("log.dirs", dir.toString());
        config.put("metadata.log.dir", dir.toString());

        // One replica of everything; internal topics with a single partition are created at once
        // where fifty (the default) take seconds.
        config.put("default.replication.factor", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Several brokers share a test JVM on two cores: the defaults size for a dedicated server
        // (8 I/O threads, a 128 MiB compaction buffer each).
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));

        config.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }

    private static Path createDataDir(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InProcessKafkaException("cannot create the Kafka data directory " + dir + ": " + describe(e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new InProcessKafkaException("the Kafka data directory " + dir + " is not writable");
        }
        return dir;
    }

    /** Formats the directory as a new single-node cluster, unless an earlier start already did. */
    private static void formatIfNew(Path dir) {
        if (Files.exists(dir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new InProcessKafkaException("cannot format the Kafka data directory " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("Formatted {} for a new cluster {}", dir, clusterId);
    }

    private void awaitUsable(String name, long deadline) {
        Exception lastProblem = null;
        while (remaining(deadline) > 0) {
            try {
                TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(remaining(deadline), TimeUnit.NANOSECONDS).get(name);
                boolean allLed = description.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (allLed) {
                    // Metadata names a leader slightly before the leader serves the partition; a
                    // successful offset lookup proves that every partition answers.
                    Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                            .map(TopicPartitionInfo::partition)
                            .collect(Collectors.toMap(p -> new TopicPartition(name, p), p -> OffsetSpec.latest()));
                    admin.listOffsets(latest).all().get(remaining(deadline), TimeUnit.NANOSECONDS);
                    return;
                }
                lastProblem = null;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new InProcessKafkaException("topic " + name + " is not usable: " + e.getCause().getMessage(),
                            e.getCause());
                }
                lastProblem = (Exception) e.getCause();
            } catch (TimeoutException e) {
                lastProblem = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InProcessKafkaException("interrupted while waiting for topic " + name, e);
            }
            pause();
        }
        throw new InProcessKafkaException("topic " + name + " did not get a serving leader for every partition within "
                + TOPIC_READY_TIMEOUT.toSeconds() + " s"
                + (lastProblem == null ? "" : "; last problem: " + lastProblem.getMessage()), lastProblem);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static InProcessKafkaException portTaken(int port, Throwable cause) {
        return new InProcessKafkaException("cannot start Kafka on " + HOST + ":" + port
                + ": the port is already in use", cause);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InProcessKafkaException("interrupted while waiting for Kafka", e);
        }
    }

    /** The broker's and the controller's ports, free (and distinct) when they were reserved. */
    private record Ports(int broker, int controller) {
        static Ports reserve(int brokerPort) {
            ServerSocket broker;
            try {
                broker = bind(brokerPort);
            } catch (IOException e) {
                throw brokerPort == 0 ? noFreePort(e) : portTaken(brokerPort, e);
            }
            try (broker; ServerSocket controller = bind(0)) {
                return new Ports(broker.getLocalPort(), controller.getLocalPort());
            } catch (IOException e) {
                throw noFreePort(e);
            }
        }

        private static InProcessKafkaException noFreePort(IOException e) {
            return new InProcessKafkaException("cannot find a free loopback port for Kafka: " + describe(e), e);
        }
    }

    /** Kafka could not bind a port that was free a moment ago. */
    private static final class PortRaceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortRaceException(Throwable cause) {
            super(cause);
        }
    }
}
