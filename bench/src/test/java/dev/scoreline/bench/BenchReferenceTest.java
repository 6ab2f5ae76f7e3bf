package dev.scoreline.bench;

import dev.scoreline.cli.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReferenceTest {

    @Test
    void docsOptionsShowsTheBenchmarksOptionsAsDefined() {
        Reference.check(Path.of("..", "docs", "options.md"), "bench", List.of(BenchOptions.OPTIONS));
    }
}
