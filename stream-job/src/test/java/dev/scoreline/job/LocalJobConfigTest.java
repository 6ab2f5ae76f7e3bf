package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.junit.jupiter.api.Test;

/** The local job runs with the cluster's flink-conf/config.yaml, differing only where it must. */
class LocalJobConfigTest {

    private static final Path WORK = Path.of("/tmp/work");

    @Test
    void theCheckoutsConfigurationIsFoundFromAModule() {
        assertThat(LocalJob.confDir()).isEqualTo(Path.of("..", "flink-conf").toAbsolutePath().normalize());
    }

    @Test
    void theClustersSettingsHoldAndOnlyPortsDirectoriesAndSlotsDiffer() {
        Configuration conf = LocalJob.configuration(LocalJob.confDir(), JobOptions.parse("--bootstrap", "k:1"), WORK, 3,
                8081);
        assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(conf.get(RocksDBConfigurableOptions.USE_BLOOM_FILTER)).isTrue();
        assertThat(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");

        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo(WORK.resolve("checkpoints").toUri().toString());
        assertThat(conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isEqualTo(WORK.resolve("savepoints").toUri().toString());
        assertThat(conf.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(3);
        assertThat(conf.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
        assertThat(conf.get(RestOptions.PORT)).isEqualTo(8081);
        assertThat(conf.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(conf.toMap().keySet()).noneMatch(key -> key.startsWith("metrics.reporter."))
                .doesNotContain("taskmanager.memory.process.size", "jobmanager.memory.process.size");
    }

    @Test
    void theJobsOptionsOverrideTheCluster() {
        Configuration conf = LocalJob.configuration(LocalJob.confDir(), JobOptions.parse("--bootstrap", "k:1",
                "--checkpoint-interval", "1s", "--state-backend", "hashmap", "--checkpoint-dir", "file:///elsewhere"),
                WORK, 2, 0);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .as("a local run resumes from its own work directory").isEqualTo(WORK.resolve("checkpoints").toUri().toString());
    }
}
