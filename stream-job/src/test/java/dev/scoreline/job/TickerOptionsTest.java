package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.topic.Topic;
import org.junit.jupiter.api.Test;

/** Which kinds the job runs: the ticker comes with the matches, and its topic can be renamed. */
class TickerOptionsTest {

    private static JobOptions parse(String... more) {
        String[] args = new String[more.length + 2];
        args[0] = "--bootstrap";
        args[1] = "localhost:9092";
        System.arraycopy(more, 0, args, 2, more.length);
        return JobOptions.parse(args);
    }

    @Test
    void byDefaultEveryKindRunsAndTheTickerReadsAndTheMatchesWriteTheSameTopic() {
        JobOptions options = parse();

        assertThat(EntityKinds.of(options)).extracting(EntityKind::name).containsExactly("match", "ticker", "table");
        assertThat(options.tickerTopic()).isEqualTo("ticker-events").isEqualTo(options.outputs().tickerEvents());
    }

    @Test
    void matchesBringTheTickerAndTablesAloneRunAlone() {
        assertThat(parse("--entities", "match").entities()).containsExactly("match", "ticker");
        assertThat(parse("--entities", "table").entities()).containsExactly("table");
        assertThat(parse("--entities", "ticker,table").entities()).containsExactly("ticker", "table");
    }

    @Test
    void aRenamedTickerTopicIsWhereTheTickerReadsAndWhereTheMatchesWrite() {
        JobOptions options = parse("--ticker-topic", "t-lines");

        assertThat(EntityKinds.of(options)).filteredOn(kind -> kind.name().equals("ticker"))
                .singleElement().extracting(EntityKind::inputTopic).isEqualTo("t-lines");
        assertThat(options.outputs().messagesTo(Topic.TICKER_EVENTS)).isEqualTo("t-lines");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> parse("--entities", "match,wallet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("match, ticker, table").hasMessageContaining("'wallet'");
    }
}
