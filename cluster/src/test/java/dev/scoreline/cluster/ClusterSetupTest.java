package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.cluster.flink.FlinkProcesses;
import dev.scoreline.cluster.kafka.KafkaNode;
import dev.scoreline.cluster.process.JvmCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the cluster's processes are laid out and configured, without starting any. */
class ClusterSetupTest {

    @TempDir
    Path dir;

    @Test
    void everyProcessHasPortsOfItsOwnAboveTheBase() {
        Layout layout = Layout.standard(30000);
        List<Integer> ports = new ArrayList<>(List.of(layout.blobPort()));
        for (Member m : layout.members()) {
            for (int p : new int[] {m.port(), m.secondPort(), m.metricsPort()}) {
                if (p != 0) {
                    ports.add(p);
                }
            }
        }
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(30000, 30000 + Layout.SPAN));
        assertThat(layout.members()).extracting(Member::name).containsExactly("kafka-1", "kafka-2", "kafka-3",
                "jobmanager", "taskmanager-1", "taskmanager-2", "gateway-1", "gateway-2");
        assertThat(layout.quorumVoters()).isEqualTo("1@127.0.0.1:30021,2@127.0.0.1:30022,3@127.0.0.1:30023");
        assertThatThrownBy(() -> new Layout(30000, 1, 2, 2)).hasMessageContaining("three brokers");
    }

    @Test
    void brokersReplicateEveryRecordThreeTimesAndWriteWithTwoInSync() {
        Map<String, String> props = KafkaNode.properties(2, 30012, 30022, Layout.standard(30000).quorumVoters(), dir);
        assertThat(props).containsEntry("node.id", "2")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:30012");
    }

    @Test
    void flinksConfigurationIsTheProjectsWithThisClustersPortsAndDirectories() {
        Path projectConf = Installation.fromSystem().flinkConfDir();
        Configuration project = GlobalConfiguration.loadConfiguration(projectConf.toString());
        Configuration conf = FlinkProcesses.configuration(projectConf, new FlinkProcesses.Settings("127.0.0.1", 30030,
                30031, 30032, 2, "1280m", dir.resolve("chk"), dir.resolve("sp"), dir.resolve("up")));
        FlinkProcesses.write(conf, dir.resolve("conf"));
        Configuration written = GlobalConfiguration.loadConfiguration(dir.resolve("conf").toString());

        assertThat(value(written, "rest.port")).isEqualTo("30031");
        assertThat(value(written, "jobmanager.rpc.port")).isEqualTo("30030");
        assertThat(value(written, "taskmanager.numberOfTaskSlots")).isEqualTo("2");
        assertThat(value(written, "execution.checkpointing.dir")).isEqualTo(dir.resolve("chk").toUri().toString());
        for (String kept : List.of("state.backend.type", "execution.checkpointing.incremental", "restart-strategy.type",
                "execution.checkpointing.interval", "metrics.reporter.prom.factory.class", "pipeline.max-parallelism")) {
            assertThat(value(written, kept)).as(kept).isNotNull().isEqualTo(value(project, kept));
        }
    }

    @Test
    void flinkSizesEachProcessWithinAModestHeap() {
        Path projectConf = Installation.fromSystem().flinkConfDir();
        Configuration conf = FlinkProcesses.configuration(projectConf, new FlinkProcesses.Settings("127.0.0.1", 30030,
                30031, 30032, 2, Cluster.TASKMANAGER_MEMORY, dir.resolve("chk"), dir.resolve("sp"), dir.resolve("up")));
        JvmCommand tm = FlinkProcesses.taskManager("java", "cp", conf, dir, List.of(), Map.of("taskmanager.resource-id", "tm"));
        JvmCommand jm = FlinkProcesses.jobManager("java", "cp", conf, dir, List.of(), Map.of());

        assertThat(heap(tm)).isBetween(MemorySize.parse("256m"), MemorySize.parse("512m"));
        assertThat(heap(jm)).isBetween(MemorySize.parse("256m"), MemorySize.parse("512m"));
        assertThat(tm.mainClass()).isEqualTo(FlinkProcesses.TASKMANAGER_MAIN);
        assertThat(jm.mainClass()).isEqualTo(FlinkProcesses.JOBMANAGER_MAIN);
        assertThat(tm.args()).containsSequence("--configDir", dir.toString()).containsSequence("-D", "taskmanager.resource-id=tm");
        Set<String> dynamic = new HashSet<>();
        for (int i = 0; i + 1 < tm.args().size(); i++) {
            if (tm.args().get(i).equals("-D")) {
                dynamic.add(tm.args().get(i + 1).split("=")[0]);
            }
        }
        assertThat(dynamic).as("the memory Flink computed, passed as its scripts pass it")
                .contains("taskmanager.memory.task.heap.size", "taskmanager.memory.managed.size");
    }

    private static MemorySize heap(JvmCommand command) {
        return command.jvmOptions().stream().filter(o -> o.startsWith("-Xmx"))
                .map(o -> new MemorySize(Long.parseLong(o.substring(4)))).findFirst().orElseThrow();
    }

    private static String value(Configuration conf, String key) {
        return conf.get(ConfigOptions.key(key).stringType().noDefaultValue());
    }
}
