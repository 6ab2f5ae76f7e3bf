package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scoreline.topic.Topic;
import org.junit.jupiter.api.Test;

/**
 * Which kinds the job runs: the ticker comes with the matches and the wallets with the tables, and
 * the topics between them can be renamed.
 */
class TickerOptionsTest {

    @Test
    void byDefaultEveryKindRunsAndTheTickerReadsAndTheMatchesWriteTheSameTopic() {
        JobOptions options = JobHarness.parse();

        assertThat(EntityKinds.of(options)).extracting(EntityKind::name).containsExactly("match", "ticker", "table",
                "wallet");
        assertThat(options.tickerTopic()).isEqualTo("ticker-events").isEqualTo(options.outputs().tickerEvents());
    }

    @Test
    void matchesBringTheTickerAndTablesTheWallets() {
        assertThat(JobHarness.parse("--entities", "match").entities()).containsExactly("match", "ticker", "wallet");
        assertThat(JobHarness.parse("--entities", "table").entities()).containsExactly("table", "wallet");
        assertThat(JobHarness.parse("--entities", "ticker,table").entities())
                .containsExactly("ticker", "table", "wallet");
        assertThat(JobHarness.parse("--entities", "wallet").entities()).containsExactly("wallet");
    }

    @Test
    void theTablesAndTheWalletsWriteToEachOthersTopicsUnderTheirNames() {
        JobOptions options = JobHarness.parse("--table-topic", "t-events", "--wallet-topic", "w-events");

        assertThat(EntityKinds.of(options)).filteredOn(kind -> kind.name().equals("wallet"))
                .singleElement().extracting(EntityKind::inputTopic).isEqualTo("w-events");
        assertThat(options.outputs().messagesTo(Topic.WALLET_EVENTS)).isEqualTo("w-events");
        assertThat(options.outputs().messagesTo(Topic.TABLE_EVENTS)).isEqualTo("t-events");
    }

    @Test
    void aRenamedTickerTopicIsWhereTheTickerReadsAndWhereTheMatchesWrite() {
        JobOptions options = JobHarness.parse("--ticker-topic", "t-lines");

        assertThat(EntityKinds.of(options)).filteredOn(kind -> kind.name().equals("ticker"))
                .singleElement().extracting(EntityKind::inputTopic).isEqualTo("t-lines");
        assertThat(options.outputs().messagesTo(Topic.TICKER_EVENTS)).isEqualTo("t-lines");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> JobHarness.parse("--entities", "match,purse"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("match, ticker, table, wallet").hasMessageContaining("'purse'");
    }
}
