package dev.scoreline.local;

import dev.scoreline.cli.Options;
import dev.scoreline.cli.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorelineCliReferenceTest {

    /** {@code ./scoreline gateway} has the gateway's own block. */
    @Test
    void docsOptionsShowsEveryLocalCommandAsDefined() {
        List<Options> commands = ScorelineCli.commands().entrySet().stream()
                .filter(c -> !c.getKey().equals("gateway")).map(c -> c.getValue().options()).toList();
        Reference.check(Path.of("..", "docs", "options.md"), "local", commands);
    }
}
