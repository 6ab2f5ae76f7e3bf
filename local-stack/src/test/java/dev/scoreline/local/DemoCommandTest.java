package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.cli.UsageException;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path temp;

    @Test
    void startsServesTheMatchAndStopsLeavingNoThreadNorPort() throws Exception {
        Set<Thread> before = liveNonDaemonThreads();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DemoCommand.Demo demo = DemoCommand.start(new DemoCommand.Settings(0, 0, 0, 0, ShortMatch.folder(temp), 1,
                temp.resolve("demo")), new PrintStream(console, true, StandardCharsets.UTF_8));
        int gatewayPort;
        int kafkaPort;
        try {
            gatewayPort = demo.port();
            kafkaPort = Integer.parseInt(demo.bootstrapServers().substring(demo.bootstrapServers().lastIndexOf(':') + 1));
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("1 recorded match at full speed, 1 table")
                    .contains("Open http://localhost:" + gatewayPort + "/")
                    .contains("  metrics           http://localhost:" + gatewayPort + "/metrics")
                    .contains("  Kafka bootstrap   " + demo.bootstrapServers())
                    .contains("  Flink web UI      " + demo.webUi());

            Gateway gateway = new Gateway(gatewayPort);
            JsonNode snapshot = Await.value(ShortMatch.CHANNEL + " completed", Duration.ofSeconds(60), () -> {
                HttpResponse<String> response = gateway.get("/v1/channels/" + ShortMatch.CHANNEL);
                if (response.statusCode() != 200) {
                    return null;
                }
                JsonNode s = Json.MAPPER.readTree(response.body());
                return s.path("state").path("status").asText().equals("completed") ? s : null;
            });
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("channel").asText()).isEqualTo(ShortMatch.CHANNEL);
            List<ShortMatch.InningsTotal> totals = ShortMatch.totals();
            assertThat(snapshot.path("state").path("innings").size()).isEqualTo(totals.size());
            for (int i = 0; i < totals.size(); i++) {
                JsonNode innings = snapshot.path("state").path("innings").path(String.valueOf(i + 1));
                assertThat(innings.path("team").asText()).isEqualTo(totals.get(i).team());
                assertThat(innings.path("runs").asInt()).isEqualTo(totals.get(i).runs());
                assertThat(innings.path("wickets").asInt()).isEqualTo(totals.get(i).wickets());
            }
            assertThat(snapshot.path("state").path("result")).isEqualTo(ShortMatch.outcome());
            assertThat(demo.matchEventsSent()).isEqualTo(demo.matchEvents());

            HttpResponse<String> page = gateway.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/static/app.js").contains("https://cricsheet.org");
        } finally {
            demo.close();
        }

        List<String> leftover = Await.value(() -> "the demo's threads to end; still alive: "
                + describe(liveNonDaemonThreads(), before), Duration.ofSeconds(20), () -> {
            Set<Thread> now = liveNonDaemonThreads();
            now.removeAll(before);
            return now.isEmpty() ? List.<String>of() : null;
        });
        assertThat(leftover).isEmpty();
        assertThat(canBind(gatewayPort)).as("gateway port %d released", gatewayPort).isTrue();
        assertThat(canBind(kafkaPort)).as("Kafka port %d released", kafkaPort).isTrue();
        demo.close(); // a second close is harmless
    }

    @Test
    void settingsTakeTheDocumentedDefaults() {
        Path home = Path.of("/opt/scoreline");
        DemoCommand.Settings settings = DemoCommand.Settings.parse(new String[0], home);
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.webUiPort()).isEqualTo(8081);
        assertThat(settings.speed()).isEqualTo(30);
        assertThat(settings.tables()).isEqualTo(4);
        assertThat(settings.matches()).isEqualTo(home.resolve("data/cricsheet"));
        assertThat(settings.dir()).isEqualTo(Path.of(".scoreline/demo").toAbsolutePath());

        DemoCommand.Settings given = DemoCommand.Settings.parse(
                new String[] {"--port", "0", "--speed=250", "--matches", "/tmp/m", "--tables", "2", "--dir", "/tmp/d"}, home);
        assertThat(given).isEqualTo(new DemoCommand.Settings(0, 9092, 8081, 250, Path.of("/tmp/m"), 2, Path.of("/tmp/d")));
    }

    @Test
    void badOptionsAreNamed() {
        Path home = Path.of(".");
        assertThatThrownBy(() -> DemoCommand.Settings.parse(new String[] {"--speed", "fast"}, home))
                .isInstanceOf(UsageException.class).hasMessageContaining("--speed").hasMessageContaining("fast");
        assertThatThrownBy(() -> DemoCommand.Settings.parse(new String[] {"--port", "70000"}, home))
                .isInstanceOf(UsageException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> DemoCommand.Settings.parse(new String[] {"--colour"}, home))
                .isInstanceOf(UsageException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> DemoCommand.load(temp.resolve("nowhere")))
                .isInstanceOf(UsageException.class).hasMessageContaining("no such folder");
        assertThatThrownBy(() -> DemoCommand.load(temp))
                .isInstanceOf(UsageException.class).hasMessageContaining("no Cricsheet JSON file");
    }

    @Test
    void aSecondDemoInTheSameDirectoryStopsBeforeWipingAnything() throws Exception {
        Path dir = temp.resolve("demo");
        try (DemoLock running = DemoLock.acquire(dir)) {
            Path data = java.nio.file.Files.createDirectories(dir.resolve("kafka")).resolve("records");
            java.nio.file.Files.writeString(data, "the running demo's");
            DemoCommand.Settings settings = new DemoCommand.Settings(0, 0, 0, 0, ShortMatch.folder(temp), 0, dir);
            assertThatThrownBy(() -> DemoCommand.start(settings, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another demo (pid " + ProcessHandle.current().pid() + ") is running in " + dir)
                    .hasMessageContaining("--dir");
            assertThat(data).hasContent("the running demo's");
        }
        DemoLock.acquire(dir).close();
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertThat(DemoCommand.readable(Duration.ofMillis(44_600))).isEqualTo("45 s");
        assertThat(DemoCommand.readable(Duration.ofSeconds(87))).isEqualTo("1 min 27 s");
        assertThat(DemoCommand.readable(Duration.ofSeconds(2 * 3600 + 5 * 60 + 9))).isEqualTo("2 h 5 min");
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static String describe(Set<Thread> now, Set<Thread> before) {
        return now.stream().filter(t -> !before.contains(t)).map(Thread::getName).sorted()
                .collect(Collectors.joining(", "));
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
