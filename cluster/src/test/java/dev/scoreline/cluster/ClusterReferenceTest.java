package dev.scoreline.cluster;

import dev.scoreline.cli.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterReferenceTest {

    @Test
    void docsOptionsShowsTheClustersOptionsAsDefined() {
        Reference.check(Path.of("..", "docs", "options.md"), "cluster", List.of(ClusterCli.OPTIONS));
    }
}
