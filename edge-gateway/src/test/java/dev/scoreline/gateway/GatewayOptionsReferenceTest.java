package dev.scoreline.gateway;

import dev.scoreline.cli.Reference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayOptionsReferenceTest {

    @Test
    void docsOptionsShowsTheGatewaysOptionsAsDefined() {
        Reference.check(Path.of("..", "docs", "options.md"), "gateway", List.of(GatewayMain.OPTIONS));
    }
}
