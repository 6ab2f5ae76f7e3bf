package dev.scoreline.job;

import dev.scoreline.cli.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOptionsReferenceTest {

    @Test
    void docsOptionsShowsTheJobsOptionsAsDefined() {
        Reference.check(Path.of("..", "docs", "options.md"), "job", List.of(JobOptions.OPTIONS));
    }
}
