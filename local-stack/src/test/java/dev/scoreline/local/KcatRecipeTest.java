package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' kcat recipe, exactly as the documentation prints it, against a running demo: the
 * demo must be where the recipe looks ({@code localhost:9092}) or say where it is instead.
 */
class KcatRecipeTest {

    private static final Path KCAT = Path.of("/usr/bin/kcat");

    /** The analysts' page, which holds the recipe. */
    private static final Path DOC = Path.of("..", "docs", "analysts.md");

    @TempDir
    Path temp;

    /** The first {@code `kcat ...`} of the analysts' documentation. */
    static String recipe() throws Exception {
        Matcher m = Pattern.compile("`(kcat [^`]+)`").matcher(Files.readString(DOC));
        if (!m.find()) {
            throw new AssertionError("no `kcat ...` recipe in " + DOC);
        }
        return m.group(1);
    }

    @Test
    void theRecipePrintsTheDemosChangeLogKeyedByEntity() throws Exception {
        String recipe = recipe();
        assertThat(recipe).contains("-b localhost:9092").contains("-t state-changelog");
        assumeTrue(Files.isExecutable(KCAT), "kcat recipe test skipped: Debian's kcat is not installed (" + KCAT
                + "); .ci/run installs it with 'apt-get install -y kcat'");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (DemoCommand.Demo demo = DemoCommand.start(new DemoCommand.Settings(0, 9092, 0, 0, ShortMatch.folder(temp), 0,
                temp.resolve("demo")), new PrintStream(console, true, StandardCharsets.UTF_8))) {
            // Another Kafka on this machine may hold 9092; the demo then says where it went instead.
            String command = recipe.replace("localhost:9092", "localhost:" + demo.kafkaPort());
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("  Kafka bootstrap   " + demo.bootstrapServers());

            JsonNode last = Await.value("the kcat recipe to print the match's result", Duration.ofSeconds(90), () -> {
                List<String> lines = run(command);
                return lines.stream().map(line -> line.split("\t", 2))
                        .filter(kv -> kv.length == 2 && kv[0].equals(ShortMatch.ID))
                        .map(kv -> read(kv[1]))
                        .filter(entry -> entry.path("changes").toString().contains("/result"))
                        .findFirst().orElse(null);
            });
            assertThat(last.path("kind").asText()).isEqualTo("match");
            assertThat(last.path("entityId").asText()).isEqualTo(ShortMatch.ID);
            assertThat(last.path("version").asLong()).isPositive();
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("kcat printed a value that is no JSON: " + json, e);
        }
    }

    /** The recipe as a person pastes it into a shell; its standard output, one record a line. */
    private List<String> run(String command) throws Exception {
        Path out = temp.resolve("kcat.out");
        Path err = temp.resolve("kcat.err");
        Process kcat = new ProcessBuilder("bash", "-c", command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        kcat.getOutputStream().close();
        if (!kcat.waitFor(30, TimeUnit.SECONDS)) {
            kcat.destroyForcibly();
            throw new AssertionError("the recipe did not end within 30 s (-e ends it at the end of each partition)");
        }
        assertThat(kcat.exitValue()).as("kcat's exit status; it said: %s", Files.readString(err)).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
