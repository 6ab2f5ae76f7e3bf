package dev.scoreline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceTest {

    static final Options KAFKA = Options.command("./x kafka", "A broker.")
            .with(Option.of("port", ValueType.integer(1, 65535)).byDefault(9092).help("its port"));

    @Test
    void aBlockIsReplacedAndTheRestOfTheDocumentKept() {
        String doc = "# Top\n\n<!-- options:x -->\nold\n<!-- /options:x -->\n\nEnd\n";
        String updated = Reference.update(doc, "x", List.of(KAFKA));
        assertThat(updated).startsWith("# Top\n\n<!-- options:x -->\n\n## `./x kafka`\n")
                .contains("| `--port N` | `9092` | its port |").endsWith("<!-- /options:x -->\n\nEnd\n")
                .doesNotContain("old");
        assertThat(Reference.update(updated, "x", List.of(KAFKA))).isEqualTo(updated);
        assertThatThrownBy(() -> Reference.update(doc, "y", List.of(KAFKA))).hasMessageContaining("options:y");
    }

    @Test
    void aStaleBlockIsReportedWithHowToWriteIt(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("options.md");
        Files.writeString(doc, "<!-- options:x -->\n<!-- /options:x -->\n");
        assertThatThrownBy(() -> Reference.check(doc, "x", List.of(KAFKA)))
                .hasMessageContaining("-Dscoreline.docs.write=true");
        Files.writeString(doc, Reference.update(Files.readString(doc), "x", List.of(KAFKA)));
        Reference.check(doc, "x", List.of(KAFKA));
    }
}
