package dev.scoreline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.cli.Parsed;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        Parsed p = BenchOptions.OPTIONS.parse();
        assertThat(p.positional()).isEmpty();
        assertThat(p.get(BenchOptions.SUBSCRIBERS)).containsExactly(1000, 10_000, 18_000);
        assertThat(p.get(BenchOptions.OFFERED)).containsExactly(50_000, 250_000, 1_000_000);
        assertThat(p.get(BenchOptions.SYSTEMS)).containsExactly("gateway", "limit", "mosquitto");
        assertThat(p.get(BenchOptions.MATCH_EVENTS)).isEqualTo(120_000);
        assertThat(p.get(BenchOptions.CHECKPOINT_INTERVAL)).isEqualTo("5s");
        assertThat(p.get(BenchOptions.PROFILE)).isFalse();
        assertThat(BenchOptions.matches(p).endsWith(Path.of("data", "cricsheet"))).isTrue();
        assertThat(p.get(BenchOptions.PLAY_RATES)).containsExactly(1000, 5000);
        assertThat(p.get(BenchOptions.PLAY_SECONDS)).isEqualTo(30);
    }

    @Test
    void everyBenchmarkIsAChoiceAndAnUnknownOneIsNamed() {
        assertThat(BenchOptions.OPTIONS.help()).contains("all, fanout, job, scorer, e2e, play, bet or shards");
        assertThatThrownBy(() -> BenchMain.run(new String[] {"plays"}))
                .hasMessage("unknown benchmark 'plays': all, fanout, job, scorer, e2e, play, bet or shards");
    }

    @Test
    void countsTakeThousandsAndMistakesAreNamed() {
        Parsed p = BenchOptions.OPTIONS.parse("fanout", "--subscribers", "1k,2_500", "--profile", "--matches=/m",
                "--max-offered=20k");
        assertThat(p.positional()).containsExactly("fanout");
        assertThat(p.get(BenchOptions.SUBSCRIBERS)).containsExactly(1000, 2500);
        assertThat(p.get(BenchOptions.MAX_OFFERED)).isEqualTo(20_000);
        assertThat(p.get(BenchOptions.PROFILE)).isTrue();
        assertThat(BenchOptions.matches(p)).isEqualTo(Path.of("/m"));
        assertThatThrownBy(() -> BenchOptions.OPTIONS.parse("--systems", "gateway,nats"))
                .hasMessage("--systems takes one of gateway, limit, mosquitto, not 'nats'");
        assertThatThrownBy(() -> BenchOptions.OPTIONS.parse("--warmup-seconds", "3"))
                .hasMessage("unknown option --warmup-seconds (did you mean --warm-up-seconds?)");
    }
}
