package dev.scoreline.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.json.Json;
import dev.scoreline.topic.Topic;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.YamlParserUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The deployment files in {@code docker/}: the compose file is valid for {@code docker-compose},
 * everything it mounts exists, the topic script creates the project's topics with their settings,
 * the Grafana dashboard parses and charts metrics the gateway's code exports (the running
 * processes' exports are checked in {@link ClusterFaultsIT}).
 */
class DockerComposeTest {

    private static final Path HOME = Installation.fromSystem().home();
    private static final Path DOCKER = HOME.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/scoreline.json");

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Assumptions.assumeTrue(onPath("docker-compose"),
                "docker-compose is not installed, so the compose file is not validated (apt-get install docker-compose; "
                        + ".ci/run installs it)");
        Result valid = dockerCompose(Map.of("SCORELINE_GATEWAY_JWT_SECRET", "test-secret",
                "SCORELINE_DEALER_SECRET", "test-dealer-secret"));
        assertThat(valid.exit()).as("docker-compose config said:%n%s", valid.output()).isZero();
        assertThat(valid.output()).contains("kafka-1", "kafka-2", "kafka-3", "jobmanager", "taskmanager-1",
                "taskmanager-2", "job-submitter", "gateway-1", "gateway-2", "lb", "prometheus", "grafana");

        Result noSecret = dockerCompose(Map.of("SCORELINE_DEALER_SECRET", "test-dealer-secret"));
        assertThat(noSecret.exit()).as("the gateways' secret is required").isNotZero();
        assertThat(noSecret.output()).contains("SCORELINE_GATEWAY_JWT_SECRET");

        Result noDealer = dockerCompose(Map.of("SCORELINE_GATEWAY_JWT_SECRET", "test-secret"));
        assertThat(noDealer.exit()).as("the dealer's secret is required").isNotZero();
        assertThat(noDealer.output()).contains("SCORELINE_DEALER_SECRET");
    }

    @Test
    void everyFileTheComposeFileMountsExists() throws Exception {
        List<String> mounts = new ArrayList<>();
        collectVolumes(YamlParserUtils.loadYamlFile(COMPOSE.toFile()), mounts);
        List<Path> hostFiles = mounts.stream()
                .map(m -> m.split(":")[0])
                .filter(src -> src.startsWith(".") || src.startsWith("/"))
                .map(src -> DOCKER.resolve(src).normalize())
                .toList();
        assertThat(hostFiles).as("host paths mounted").isNotEmpty()
                .contains(HOME.resolve("flink-conf/config.yaml"), DOCKER.resolve("nginx.conf"),
                        DOCKER.resolve("prometheus.yml"), DOCKER.resolve("grafana/dashboards"));
        // Build outputs need not exist yet (this module's own jar is packaged after its tests run);
        // they must be what the build makes.
        assertThat(hostFiles).filteredOn(p -> !p.toString().contains("/target/"))
                .allSatisfy(p -> assertThat(p).as("mounted from the compose file").exists());
        assertThat(hostFiles).filteredOn(p -> p.toString().contains("/target/"))
                .allSatisfy(p -> assertThat(HOME.relativize(p).toString()).as("a build output")
                        .isIn("stream-job/target/stream-job-0.1.0-SNAPSHOT-job.jar", "cluster/target/cluster.jar",
                                "cluster/target/lib"));
    }

    @Test
    void theTopicScriptCreatesEveryTopicWithItsSettings() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("create-topics.sh"));
        for (Topic topic : Topic.values()) {
            String line = lines.stream().filter(l -> l.startsWith("create " + topic.defaultName()))
                    .findFirst().orElseThrow(() -> new AssertionError("create-topics.sh does not create " + topic));
            List<String> settings = List.of(line.substring(("create " + topic.defaultName()).length()).trim().split("\\s+"))
                    .stream().filter(s -> !s.isEmpty()).toList();
            assertThat(settings).as("settings of %s", topic.defaultName())
                    .containsExactlyInAnyOrderElementsOf(topic.config().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        assertThat(String.join("\n", lines)).contains("--replication-factor 3", "min.insync.replicas=2");
    }

    @Test
    void theDashboardParsesAndChartsWhatTheIssueAsksFor() throws IOException {
        JsonNode dashboard = Json.tree(Files.readString(DASHBOARD));
        List<String> titles = new ArrayList<>();
        dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText().toLowerCase()));
        assertThat(String.join(" | ", titles)).contains("connections", "messages out", "delta age", "conflations",
                "kafka lag", "records in / out", "checkpoint duration", "restarts");
        assertThat(metricNames(dashboard)).isNotEmpty();
    }

    @Test
    void theDashboardsGatewayMetricsAreOnesTheGatewayExports() throws IOException {
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.observe(() -> 1, () -> List.of(new GatewayMetrics.PartitionLag(Topic.STATE_DELTAS.defaultName(), 0, 0)));
        Set<String> exported = new TreeSet<>();
        new String(metrics.scrapeText(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> exported.add(l.split("[{ ]", 2)[0]));
        List<String> charted = metricNames(Json.tree(Files.readString(DASHBOARD))).stream()
                .filter(n -> n.startsWith("scoreline_")).toList();
        assertThat(charted).isNotEmpty().allSatisfy(n -> assertThat(exported).as("the gateway's metrics").contains(n));
    }

    /** Every metric name (scoreline_… or flink_…) the dashboard's queries use. */
    static TreeSet<String> metricNames(JsonNode dashboard) {
        Pattern name = Pattern.compile("\\b(scoreline_[a-z_]+|flink_[A-Za-z_]+)\\b");
        TreeSet<String> names = new TreeSet<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> {
            Matcher m = name.matcher(t.path("expr").asText());
            while (m.find()) {
                names.add(m.group(1));
            }
        }));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void collectVolumes(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("volumes".equals(k) && v instanceof List<?> list) {
                    list.forEach(item -> out.add(String.valueOf(item)));
                } else {
                    collectVolumes(v, out);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectVolumes(item, out));
        }
    }

    private record Result(int exit, String output) {}

    private static Result dockerCompose(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config")
                .redirectErrorStream(true);
        builder.environment().remove("SCORELINE_GATEWAY_JWT_SECRET");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
