package dev.scoreline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.cli.Options;
import dev.scoreline.cli.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ScorelineCliReferenceTest {

    /** The launcher lets through, and its usage lists, every command the CLI has. */
    @Test
    void theLauncherKnowsEveryCommand() throws IOException {
        String launcher = Files.readString(Path.of("..", "scoreline"));
        Matcher passed = Pattern.compile("\\n  ([a-z|]+)\\) ;;").matcher(launcher);
        assertThat(passed.find()).as("the launcher's list of commands").isTrue();
        List<String> known = List.of(passed.group(1).split("\\|"));
        for (String command : ScorelineCli.commands().keySet()) {
            assertThat(known).as("./scoreline lets %s through", command).contains(command);
            assertThat(launcher).as("./scoreline's usage lists %s", command).containsPattern("\\n  " + command + " ");
        }
    }

    /** {@code ./scoreline gateway} has the gateway's own block. */
    @Test
    void docsOptionsShowsEveryLocalCommandAsDefined() {
        List<Options> commands = ScorelineCli.commands().entrySet().stream()
                .filter(c -> !c.getKey().equals("gateway")).map(c -> c.getValue().options()).toList();
        Reference.check(Path.of("..", "docs", "options.md"), "local", commands);
    }
}
