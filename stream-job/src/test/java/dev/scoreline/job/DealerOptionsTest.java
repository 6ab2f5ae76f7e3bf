package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.cli.UsageException;
import dev.scoreline.table.Dealer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dealer's secret comes from a file, and a file that holds none is a usage error. */
class DealerOptionsTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileThereIsNoDealer() {
        assertThat(JobHarness.parse().dealer()).isNull();
    }

    @Test
    void theSecretIsTheFilesContentTrimmed() throws IOException {
        Path file = Files.writeString(dir.resolve("dealer"), "  s3cret\n");

        Dealer dealer = JobHarness.parse("--dealer-secret-file", file.toString()).dealer();

        assertThat(dealer.seed("t1", 1)).isEqualTo(new Dealer("s3cret").seed("t1", 1));
    }

    @Test
    void aMissingOrEmptyFileIsAUsageErrorNamingTheOption() throws IOException {
        Path missing = dir.resolve("none");
        Path empty = Files.writeString(dir.resolve("empty"), " \n");

        assertThatThrownBy(() -> JobHarness.parse("--dealer-secret-file", missing.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--dealer-secret-file: there is no file " + missing);
        assertThatThrownBy(() -> JobHarness.parse("--dealer-secret-file", empty.toString()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--dealer-secret-file: " + empty + " holds no secret (it is empty)");
    }

    @Test
    void theVerdictsTopicCanBeRenamed() {
        assertThat(JobHarness.parse().outputs().verdicts()).isEqualTo("verdicts");
        assertThat(JobHarness.parse("--verdicts-topic", "v2").outputs().verdicts()).isEqualTo("v2");
    }
}
