package dev.scoreline.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The job on a Flink MiniCluster in this JVM, as a real cluster would run it: with the cluster's
 * own {@code flink-conf/config.yaml} (RocksDB state, incremental checkpoints kept on cancellation,
 * the restart strategy), its checkpoints under a work directory so the next run can resume from
 * them.
 */
public final class LocalJob implements AutoCloseable {

    private final MiniCluster cluster;
    private final JobID jobId;
    private final Path checkpoints;

    private LocalJob(MiniCluster cluster, JobID jobId, Path checkpoints) {
        this.cluster = cluster;
        this.jobId = jobId;
        this.checkpoints = checkpoints;
    }

    /** The directory of Flink's configuration in a checkout, which every mode of the job reads. */
    public static final String CONF_DIR = "flink-conf";

    /** Starts a MiniCluster, its REST API on any free port, and submits the job. */
    public static LocalJob start(JobOptions options, Path workDir, boolean resume) throws Exception {
        return start(options, workDir, resume, 0);
    }

    /**
     * Starts a MiniCluster with the cluster's configuration ({@code flink-conf/config.yaml}, see
     * {@link #configuration}) and submits the job.
     *
     * @param workDir where checkpoints go
     * @param resume restore from the latest retained checkpoint under {@code workDir}, if any
     * @param restPort the web UI's and REST API's port on 127.0.0.1, 0 for any free one
     */
    public static LocalJob start(JobOptions options, Path workDir, boolean resume, int restPort) throws Exception {
        Path checkpoints = workDir.resolve("checkpoints").toAbsolutePath();
        Files.createDirectories(checkpoints);
        int slots = options.parallelism() == null ? 2 : options.parallelism();
        Configuration conf = configuration(confDir(), options, workDir.toAbsolutePath(), slots, restPort);

        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        cluster.start();
        try {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
            env.setParallelism(slots);
            ScorelineJob.defineWithKafka(env, options);
            StreamGraph graph = env.getStreamGraph();
            graph.setJobName("scoreline");
            if (resume) {
                latestCheckpoint(checkpoints).ifPresent(path ->
                        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(path.toString(), false,
                                // the job's own checkpoint, and the changelog state backend cannot
                                // take the full first checkpoint a restore without claiming asks for
                                RecoveryClaimMode.CLAIM)));
            }
            JobGraph jobGraph = graph.getJobGraph();
            JobID id = cluster.submitJob(jobGraph).get(1, TimeUnit.MINUTES).getJobID();
            return new LocalJob(cluster, id, checkpoints);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The cluster's configuration with what a MiniCluster in this JVM must do differently, then the
     * job's own options on top.
     */
    static Configuration configuration(Path confDir, JobOptions options, Path workDir, int slots, int restPort) {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir.toString());
        // The JobManager and the TaskManager are threads of this JVM, sized by its -Xmx: process
        // sizes would only be checked against it.
        conf.removeConfig(JobManagerOptions.TOTAL_PROCESS_MEMORY);
        conf.removeConfig(TaskManagerOptions.TOTAL_PROCESS_MEMORY);
        // The reporter's port range is the cluster processes'; here the gateway's /metrics and the
        // web UI show the numbers, and the reporter's jar is not on this classpath.
        conf.toMap().keySet().stream().filter(key -> key.startsWith("metrics.reporter.")).toList()
                .forEach(conf::removeKey);
        // One TaskManager with a slot per task: the cluster's parallelism would need its slots.
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, slots);
        // Another local job or a cluster on this machine may hold the cluster's port.
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, restPort);
        conf.addAll(options.flinkConfiguration());
        // This run's own directories, so that a later run in the same work directory resumes from
        // them and two runs elsewhere never share one.
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, workDir.resolve("checkpoints").toUri().toString());
        conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, workDir.resolve("savepoints").toUri().toString());
        conf.set(FsStateChangelogOptions.BASE_PATH, workDir.resolve("changelog").toUri().toString());
        return conf;
    }

    /**
     * {@value #CONF_DIR} of the checkout: under {@code -Dscoreline.home} (the launcher sets it),
     * else the nearest above the working directory (a module's tests run in the module). A job
     * submitted to a cluster never asks: the cluster reads its own.
     */
    static Path confDir() {
        List<Path> starts = new ArrayList<>();
        String home = System.getProperty("scoreline.home");
        if (home != null) {
            starts.add(Path.of(home).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            starts.add(dir);
        }
        for (Path dir : starts) {
            if (Files.isRegularFile(dir.resolve(CONF_DIR).resolve("config.yaml"))) {
                return dir.resolve(CONF_DIR);
            }
        }
        throw new IllegalStateException("no " + CONF_DIR + "/config.yaml under -Dscoreline.home or above "
                + Path.of("").toAbsolutePath() + ": the local job runs from a Scoreline checkout");
    }

    /** The newest completed checkpoint (a {@code chk-N} folder with its metadata) under a checkpoint root. */
    public static Optional<Path> latestCheckpoint(Path checkpointRoot) {
        if (!Files.isDirectory(checkpointRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(checkpointRoot, 3)) {
            return files.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(LocalJob::lastModified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    public JobID jobId() {
        return jobId;
    }

    public MiniCluster cluster() {
        return cluster;
    }

    public Path checkpoints() {
        return checkpoints;
    }

    public JobStatus status() throws Exception {
        return cluster.getJobStatus(jobId).get(10, TimeUnit.SECONDS);
    }

    /** Waits until every task of the job is running (sources read only then). */
    public void awaitRunning(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (status() != JobStatus.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job did not start within " + timeout + "; it is " + status());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (!status().isGloballyTerminalState()) {
                cluster.cancelJob(jobId).get(1, TimeUnit.MINUTES);
            }
        } finally {
            cluster.close();
        }
    }
}
