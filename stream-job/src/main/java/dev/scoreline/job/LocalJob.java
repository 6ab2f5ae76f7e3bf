package dev.scoreline.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The job on a Flink MiniCluster in this JVM, as a real cluster would run it: RocksDB state,
 * incremental checkpoints under a work directory (kept on cancellation, so the next run can resume
 * from them), and a restart strategy that recovers from failures.
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

    /**
     * Starts a MiniCluster and submits the job.
     *
     * @param workDir where checkpoints go
     * @param resume restore from the latest retained checkpoint under {@code workDir}, if any
     */
    public static LocalJob start(JobOptions options, Path workDir, boolean resume) throws Exception {
        Path checkpoints = workDir.resolve("checkpoints").toAbsolutePath();
        Files.createDirectories(checkpoints);
        int slots = options.parallelism() == null ? 2 : options.parallelism();

        Configuration conf = options.flinkConfiguration();
        conf.set(StateBackendOptions.STATE_BACKEND, options.stateBackend() == null ? "rocksdb" : options.stateBackend());
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        // as flink-conf/config.yaml: the per-event seen-id lookup is almost always a miss
        conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL,
                options.checkpointInterval() == null ? Duration.ofSeconds(5) : options.checkpointInterval());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.PORT, 0);

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
                        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(path.toString(), false)));
            }
            JobGraph jobGraph = graph.getJobGraph();
            JobID id = cluster.submitJob(jobGraph).get(1, TimeUnit.MINUTES).getJobID();
            return new LocalJob(cluster, id, checkpoints);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
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
