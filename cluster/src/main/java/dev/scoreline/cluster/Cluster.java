package dev.scoreline.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.cluster.flink.FlinkProcesses;
import dev.scoreline.cluster.flink.FlinkRest;
import dev.scoreline.cluster.kafka.KafkaNode;
import dev.scoreline.cluster.kafka.ReplicatedTopics;
import dev.scoreline.cluster.process.JvmCommand;
import dev.scoreline.cluster.process.ProcessRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.kafka.common.Uuid;

/**
 * The cluster on this machine: three Kafka brokers, a Flink JobManager and TaskManagers, gateways
 * and the job, each process started on its own and remembered in the state directory, so that
 * another command (or another JVM) can look at it, kill a part, start it again, or stop it all.
 */
public final class Cluster {

    public static final String JOB_MAIN = "dev.scoreline.job.ScorelineJob";
    public static final String GATEWAY_MAIN = "dev.scoreline.gateway.GatewayMain";
    public static final String GATEWAY_SECRET_ENV = "SCORELINE_GATEWAY_JWT_SECRET";
    /** The TaskManagers' process size: Flink makes it a 288 MiB heap and 333 MiB of managed memory for RocksDB. */
    static final String TASKMANAGER_MEMORY = "1280m";
    static final int SLOTS_PER_TASKMANAGER = 2;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Set<String> RUNNING_JOB_STATES = Set.of("INITIALIZING", "CREATED", "RUNNING", "RESTARTING",
            "FAILING", "CANCELLING", "RECONCILING");

    private final Installation installation;
    private final StateDir dir;
    private ClusterState state;

    private Cluster(Installation installation, StateDir dir, ClusterState state) {
        this.installation = installation;
        this.dir = dir;
        this.state = state;
    }

    /**
     * The cluster in {@code dir}: the one remembered there, or a new one with {@code layout}
     * (null: the standard layout on the default base port) if there is none.
     */
    public static Cluster at(Installation installation, StateDir dir, Layout layout) {
        Optional<ClusterState> known = dir.load();
        if (known.isPresent()) {
            if (layout != null && !layout.equals(known.get().layout())) {
                throw new IllegalStateException("the cluster in " + dir.root() + " was set up as " + known.get().layout()
                        + "; stop it and remove that directory to set up another");
            }
            return new Cluster(installation, dir, known.get());
        }
        ClusterState fresh = new ClusterState(layout == null ? Layout.standard(Layout.DEFAULT_BASE_PORT) : layout,
                Uuid.randomUuid().toString(), secret(), null, Map.of());
        return new Cluster(installation, dir, fresh);
    }

    /** The cluster remembered in {@code dir}; fails if there is none. */
    public static Cluster existing(Installation installation, StateDir dir) {
        ClusterState known = dir.load().orElseThrow(() -> new IllegalStateException(
                "no cluster in " + dir.root() + " (./scoreline cluster up starts one)"));
        return new Cluster(installation, dir, known);
    }

    public Layout layout() {
        return state.layout();
    }

    public StateDir dir() {
        return dir;
    }

    public String bootstrapServers() {
        return layout().bootstrapServers();
    }

    public FlinkRest flink() {
        return new FlinkRest(layout().restUrl());
    }

    /** The job last submitted, if any. */
    public Optional<String> jobId() {
        return Optional.ofNullable(state.jobId());
    }

    /** The secret gateways verify table tokens with. */
    public String gatewaySecret() {
        return state.gatewaySecret();
    }

    /**
     * Starts every process that does not run yet, creates the topics, and submits the job unless
     * it runs already: restored from its latest retained checkpoint if there is one.
     *
     * @param jobArgs the job's options beyond {@code --bootstrap}; without a {@code
     *     --dealer-secret-file} the job deals from the state directory's own secret
     */
    public void up(List<String> jobArgs) {
        dir.save(state);
        writeProcessLogConfig();
        List<Member> brokers = layout().members(Role.KAFKA);
        for (Member broker : brokers) {
            startIfDown(broker);
        }
        for (Member broker : brokers) {
            awaitAnswer(broker);
        }
        ReplicatedTopics.create(bootstrapServers(), 4, START_TIMEOUT);

        Member jobManager = layout().member(Role.JOBMANAGER.name(1));
        startIfDown(jobManager);
        awaitAnswer(jobManager);
        for (Member tm : layout().members(Role.TASKMANAGER)) {
            startIfDown(tm);
        }
        for (Member tm : layout().members(Role.TASKMANAGER)) {
            awaitAnswer(tm);
        }
        for (Member gateway : layout().members(Role.GATEWAY)) {
            startIfDown(gateway);
        }
        for (Member gateway : layout().members(Role.GATEWAY)) {
            awaitAnswer(gateway);
        }
        if (jobId().filter(this::jobRuns).isEmpty()) {
            Optional<Path> checkpoint = jobId().flatMap(this::latestCheckpoint);
            List<String> args = new ArrayList<>(jobArgs);
            if (!args.contains("--dealer-secret-file")) {
                args.addAll(List.of("--dealer-secret-file", dir.dealerSecret().toString()));
            }
            submitJob(args, null, checkpoint.map(Path::toString).orElse(null));
        }
    }

    /** Stops every process: gateways, TaskManagers, JobManager, brokers; SIGTERM, then SIGKILL after 30 s. */
    public List<String> down() {
        List<String> stopped = new ArrayList<>();
        List<Role> order = List.of(Role.GATEWAY, Role.TASKMANAGER, Role.JOBMANAGER, Role.KAFKA);
        for (Role role : order) {
            List<CompletableFuture<String>> stopping = new ArrayList<>();
            for (Member m : layout().members(role)) {
                ProcessRecord record = state.processes().get(m.name());
                if (record != null && record.alive()) {
                    stopping.add(CompletableFuture.supplyAsync(() ->
                            m.name() + (record.stop(STOP_GRACE) ? " (killed after " + STOP_GRACE.toSeconds() + " s)" : "")));
                }
            }
            stopping.forEach(f -> stopped.add(f.join()));
        }
        return stopped;
    }

    public List<MemberStatus> status() {
        List<String> registered = List.of();
        FlinkRest flink = flink();
        if (flink.answers()) {
            try {
                registered = flink.taskManagers();
            } catch (IllegalStateException e) {
                registered = List.of();
            }
        }
        List<MemberStatus> all = new ArrayList<>();
        for (Member m : layout().members()) {
            ProcessRecord record = state.processes().get(m.name());
            boolean alive = record != null && record.alive();
            boolean answers = alive && (m.role() == Role.TASKMANAGER ? registered.contains(m.name()) : answers(m));
            all.add(new MemberStatus(m, record, alive, answers));
        }
        return all;
    }

    /** kill -9 of one process. */
    public void kill(String name) {
        Member m = layout().member(name);
        ProcessRecord record = state.processes().get(m.name());
        if (record == null || !record.alive()) {
            throw new IllegalStateException(name + " is not running");
        }
        record.kill();
    }

    /** Stops one process as an operator would (SIGTERM, its shutdown hooks run), SIGKILL after 30 s. */
    public void stop(String name) {
        Member m = layout().member(name);
        ProcessRecord record = state.processes().get(m.name());
        if (record == null || !record.alive()) {
            throw new IllegalStateException(name + " is not running");
        }
        record.stop(Duration.ofSeconds(30));
    }

    /** Starts one process again (after a kill) and waits until it answers. */
    public void start(String name) {
        Member m = layout().member(name);
        startIfDown(m);
        awaitAnswer(m);
    }

    /**
     * Uploads the job jar and runs it against the three brokers.
     *
     * @param parallelism null for {@code parallelism.default} of the configuration
     * @param restoreFrom a savepoint or retained checkpoint, or null for a fresh start
     * @return the job's id, once it runs
     */
    public String submitJob(List<String> jobArgs, Integer parallelism, String restoreFrom) {
        FlinkRest flink = flink();
        String jar = flink.uploadJar(installation.jobJar());
        List<String> args = new ArrayList<>(List.of("--bootstrap", bootstrapServers()));
        args.addAll(jobArgs);
        // A jar run through the REST API gets parallelism 1 unless the request names one.
        int effective = parallelism != null ? parallelism : flinkConfiguration().get(CoreOptions.DEFAULT_PARALLELISM);
        String id = flink.runJar(jar, JOB_MAIN, args, effective, restoreFrom);
        state = state.withJob(id);
        dir.save(state);
        awaitJobRunning(id, START_TIMEOUT);
        return id;
    }

    /** Waits until the job and every one of its tasks run. */
    public void awaitJobRunning(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (flink().allTasksRunning(jobId)) {
                return;
            }
            last = flink().jobState(jobId);
            if (Set.of("FAILED", "CANCELED", "FINISHED").contains(last)) {
                throw new IllegalStateException("the job " + jobId + " is " + last + "; see " + dir.log("jobmanager"));
            }
            pause(200);
        }
        throw new IllegalStateException("the job " + jobId + " did not run within " + timeout.toSeconds() + " s; it is " + last);
    }

    private boolean jobRuns(String jobId) {
        if (!flink().answers()) {
            return false;
        }
        for (JsonNode job : flink().jobs()) {
            if (job.path("id").asText().equals(jobId)) {
                return RUNNING_JOB_STATES.contains(job.path("status").asText());
            }
        }
        return false;
    }

    /** The newest retained checkpoint of a job ({@code chk-N} with its metadata), if any. */
    public Optional<Path> latestCheckpoint(String jobId) {
        Path root = dir.checkpoints().resolve(jobId);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().matches("chk-\\d+"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startIfDown(Member m) {
        ProcessRecord known = state.processes().get(m.name());
        if (known != null && known.alive()) {
            return;
        }
        requireFreePorts(m);
        JvmCommand command = command(m);
        ProcessRecord started = command.start(dir.log(m.name()));
        state = state.withProcess(m.name(), started);
        dir.save(state);
    }

    private JvmCommand command(Member m) {
        String java = Installation.java();
        String classpath = installation.classpath();
        List<String> common = List.of(
                "-Dscoreline.member=" + m.name(),
                "-Dlog4j.configurationFile=" + processLogConfig(),
                "-Dlog.file=" + dir.log(m.name()),
                "-Djava.io.tmpdir=" + tmp(m));
        return switch (m.role()) {
            case KAFKA -> {
                Path data = dir.kafkaData(m);
                KafkaNode.formatIfNew(data, m.index(), state.kafkaClusterId());
                Path props = dir.kafkaProperties(m);
                KafkaNode.writeProperties(props,
                        KafkaNode.properties(m.index(), m.port(), m.secondPort(), layout().quorumVoters(), data));
                List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx384m", "-XX:+UseG1GC",
                        "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true"));
                jvm.addAll(common);
                yield new JvmCommand(java, jvm, classpath, KafkaNode.MAIN_CLASS, List.of(props.toString()), Map.of());
            }
            case JOBMANAGER -> FlinkProcesses.jobManager(java, classpath, flinkConfiguration(), dir.flinkConfDir(), common,
                    Map.of("metrics.reporter.prom.port", Integer.toString(m.metricsPort()),
                            "io.tmp.dirs", tmp(m).toString()));
            case TASKMANAGER -> FlinkProcesses.taskManager(java, classpath, flinkConfiguration(), dir.flinkConfDir(), common,
                    Map.of("taskmanager.resource-id", m.name(),
                            "taskmanager.rpc.port", Integer.toString(m.port()),
                            "taskmanager.data.port", Integer.toString(m.secondPort()),
                            "metrics.reporter.prom.port", Integer.toString(m.metricsPort()),
                            "io.tmp.dirs", tmp(m).toString(),
                            // RocksDB's own LOG files, one per state instance, beside (not among) the process logs.
                            "state.backend.rocksdb.log.dir", dir.root().resolve("logs").resolve("rocksdb").toString()));
            case GATEWAY -> {
                List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx256m"));
                jvm.addAll(common);
                yield new JvmCommand(java, jvm, classpath, GATEWAY_MAIN,
                        List.of("--bootstrap", bootstrapServers(), "--bind", Hosts.LOOPBACK, "--port", Integer.toString(m.port())),
                        Map.of(GATEWAY_SECRET_ENV, state.gatewaySecret()));
            }
        };
    }

    /** The project's Flink configuration with this cluster's ports and directories, written for --configDir. */
    private Configuration flinkConfiguration() {
        Member jm = layout().member(Role.JOBMANAGER.name(1));
        Configuration conf = FlinkProcesses.configuration(installation.flinkConfDir(), new FlinkProcesses.Settings(
                Hosts.LOOPBACK, jm.secondPort(), jm.port(), layout().blobPort(), SLOTS_PER_TASKMANAGER,
                TASKMANAGER_MEMORY, dir.checkpoints(), dir.savepoints(), dir.flinkUploads()));
        FlinkProcesses.write(conf, dir.flinkConfDir());
        return conf;
    }

    private Path tmp(Member m) {
        Path tmp = dir.tmp(m);
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tmp;
    }

    private Path processLogConfig() {
        return dir.root().resolve("logs").resolve("process-log4j2.xml");
    }

    private void writeProcessLogConfig() {
        try (InputStream in = Cluster.class.getResourceAsStream("/process-log4j2.xml")) {
            Files.createDirectories(processLogConfig().getParent());
            Files.copy(in, processLogConfig(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireFreePorts(Member m) {
        for (int port : new int[] {m.port(), m.secondPort(), m.metricsPort()}) {
            if (port != 0 && portAnswers(port)) {
                throw new IllegalStateException("cannot start " + m.name() + ": port " + port
                        + " is taken by another process (another cluster? --base-port picks other ports)");
            }
        }
    }

    private void awaitAnswer(Member m) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            ProcessRecord record = state.processes().get(m.name());
            if (record == null || !record.alive()) {
                throw new IllegalStateException(m.name() + " exited while starting; its log " + dir.log(m.name())
                        + " ends with:\n" + tail(dir.log(m.name()), 30));
            }
            boolean answers = m.role() == Role.TASKMANAGER
                    ? flink().answers() && flink().taskManagers().contains(m.name())
                    : answers(m);
            if (answers) {
                return;
            }
            pause(250);
        }
        throw new IllegalStateException(m.name() + " did not answer within " + START_TIMEOUT.toSeconds() + " s; see "
                + dir.log(m.name()));
    }

    private boolean answers(Member m) {
        return switch (m.role()) {
            case KAFKA -> portAnswers(m.port());
            case JOBMANAGER -> flink().answers();
            case TASKMANAGER -> portAnswers(m.port());
            case GATEWAY -> httpOk("http://" + Hosts.LOOPBACK + ":" + m.port() + "/healthz");
        };
    }

    static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Hosts.LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
