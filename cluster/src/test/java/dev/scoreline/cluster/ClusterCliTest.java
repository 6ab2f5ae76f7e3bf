package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterCliTest {

    @Test
    void upTakesTheLayoutAndHandsJobOptionsOnUnderTheirNames() {
        ClusterCli.Request r = ClusterCli.Request.parse("up", "--base-port=20000", "--gateways", "3",
                "--delivery", "exactly-once", "--checkpoint-interval=5s", "--dir", "/tmp/c");
        assertThat(r.command()).isEqualTo("up");
        assertThat(r.basePort()).isEqualTo(20000);
        assertThat(r.gateways()).isEqualTo(3);
        assertThat(r.dir()).isEqualTo(Path.of("/tmp/c"));
        assertThat(r.jobArgs()).containsExactly("--delivery", "exactly-once", "--checkpoint-interval=5s");
    }

    @Test
    void withoutLayoutOptionsTheClusterKeepsItsOwn() {
        ClusterCli.Request r = ClusterCli.Request.parse("status");
        assertThat(r.basePort()).isNull();
        assertThat(r.gateways()).isNull();
        assertThat(r.dir()).isEqualTo(StateDir.DEFAULT);
        assertThat(ClusterCli.Request.parse("kill", "kafka-2").name()).isEqualTo("kafka-2");
    }

    @Test
    void optionsMayComeBeforeTheCommandAsTheUsageShows() {
        ClusterCli.Request r = ClusterCli.Request.parse("--dir", "/tmp/c", "kill", "gateway-1");

        assertThat(r.command()).isEqualTo("kill");
        assertThat(r.name()).isEqualTo("gateway-1");
        assertThat(r.dir()).isEqualTo(Path.of("/tmp/c"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> ClusterCli.Request.parse("up", "--base-port", "high"))
                .hasMessage("--base-port takes a whole number, not 'high'");
        assertThatThrownBy(() -> ClusterCli.Request.parse("up", "--gatways", "1"))
                .hasMessage("unknown option --gatways (did you mean --gateways?)");
        assertThatThrownBy(() -> ClusterCli.Request.parse("status", "--delivery", "exactly-once"))
                .hasMessage("unknown option --delivery (job options are for up only)");
        assertThatThrownBy(() -> ClusterCli.Request.parse("kill")).hasMessage("kill takes one process name");
        assertThatThrownBy(() -> ClusterCli.Request.parse("--base-port", "20000"))
                .hasMessage("name a command: up, down, status, kill NAME or start NAME");
        assertThat(List.of(ClusterCli.USAGE.split("\n"))).anyMatch(l -> l.contains("--base-port N"));
    }
}
