package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.action.Verdict;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.TableClose;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.SitRequest;
import dev.scoreline.wallet.event.StackReturn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A buy-in across the wallet and the table, in the job's keyed function on both sides: the sit is
 * reserved by the wallet and passed on to the table, which answers the player and the wallet; the
 * stacks come back when players leave or the table closes; a retry or a redelivered message moves
 * no chip twice; and the books balance after every step.
 */
class BuyInSagaTest {

    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    private static final TableConfig WALLETS = new TableConfig(4, 10, 160, 3, 5_000, 20, null, null, true);

    private Economy economy;

    @BeforeEach
    void open() throws Exception {
        economy = new Economy();
        economy.send(new TableOpen("open", "t1", T0, WALLETS));
        economy.send(new Credit("credit:o-ann", "ann", T0, 1_000, "purchase"));
        economy.send(new Credit("credit:o-bob", "bob", T0, 300, "purchase"));
        economy.quiet();
    }

    @AfterEach
    void close() throws Exception {
        economy.close();
    }

    private SitRequest sit(String player, String action, int seat, long chips, int second) {
        return new SitRequest("act:" + player + ":" + action, player, T0.plusSeconds(second), "t1", seat, chips);
    }

    /** Ann buys in with 400 at seat 1, Bob with 300 at seat 2. */
    private void seatAnnAndBob() throws Exception {
        economy.send(sit("ann", "s1", 1, 400, 1));
        economy.send(sit("bob", "s1", 2, 300, 2));
    }

    /** Hand 1: both pay the boot of 10, Bob packs, Ann takes the pot. */
    private void dealAndBobPacks() throws Exception {
        economy.send(new HandStart("h1", "t1", T0.plusSeconds(3), 7));
        economy.send(new Pack("act:bob:p1", "t1", T0.plusSeconds(4), "bob"));
    }

    private Verdict lastVerdict(String actionId) {
        List<Verdict> of = economy.verdicts().stream().filter(v -> v.actionId().equals(actionId)).toList();
        assertThat(of).as("a verdict on %s", actionId).isNotEmpty();
        return of.get(of.size() - 1);
    }

    private void assertBalanced(long issued) {
        Books.Totals books = economy.books();
        assertThat(books.issued()).isEqualTo(issued);
        assertThat(books.held()).as("%s", books).isEqualTo(issued);
        assertThat(books.reserved()).as("every reservation answered").isZero();
        assertThat(books.balanced()).isTrue();
    }

    @Test
    void aSitIsReservedThenSeatedAndThePlayerHasOneVerdictFromTheTable() throws Exception {
        economy.send(sit("ann", "s1", 1, 400, 1));
        economy.quiet();

        List<Verdict> verdicts = economy.verdicts().stream().filter(v -> v.actionId().equals("s1")).toList();
        assertThat(verdicts).as("the wallet passes the sit on without a verdict of its own").hasSize(1);
        assertThat(verdicts.get(0).accepted()).isTrue();
        assertThat(verdicts.get(0).channel()).isEqualTo("table:t1");
        assertThat(verdicts.get(0).version()).as("the table's version: open, then the sit").isEqualTo(2);
        Books.Totals books = economy.books();
        assertThat(books.balances()).isEqualTo(600 + 300);
        assertThat(books.stacks()).isEqualTo(400);
        assertBalanced(1_300);
    }

    @Test
    void aBuyInAboveTheBalanceIsRefusedByTheWalletNamingTheTable() throws Exception {
        economy.send(sit("bob", "s1", 2, 500, 1));
        economy.quiet();

        Verdict v = lastVerdict("s1");
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("balance 300 is less than the buy-in 500");
        assertThat(v.channel()).isEqualTo("table:t1");
        assertThat(economy.messages()).as("nothing reached the table")
                .noneMatch(o -> o.topic().equals(Economy.TOPICS.tableEvents()));
        assertBalanced(1_300);
    }

    @Test
    void aSeatTheTableRefusesReleasesTheReservation() throws Exception {
        economy.send(sit("ann", "s1", 1, 400, 1));
        economy.send(sit("bob", "s1", 1, 200, 2));
        economy.quiet();

        Verdict v = lastVerdict("s1");
        assertThat(v.playerId()).isEqualTo("bob");
        assertThat(v.accepted()).isFalse();
        assertThat(v.reason()).isEqualTo("seat 1 is taken by ann");
        Books.Totals books = economy.books();
        assertThat(books.balances()).as("bob's 300 back in full").isEqualTo(600 + 300);
        assertBalanced(1_300);
    }

    @Test
    void aSitAtATableThatDoesNotExistIsRefusedAndReleased() throws Exception {
        economy.send(new SitRequest("act:ann:s9", "ann", T0.plusSeconds(1), "nowhere", 1, 100));
        economy.quiet();

        assertThat(lastVerdict("s9").reason()).isEqualTo("table nowhere does not exist");
        assertBalanced(1_300);
    }

    @Test
    void aRetriedSitIsAnsweredAgainByTheTableAndMovesNoChip() throws Exception {
        economy.send(sit("ann", "s1", 1, 400, 1));
        economy.quiet();
        economy.send(sit("ann", "s1", 1, 400, 5));
        economy.quiet();

        List<Verdict> verdicts = economy.verdicts().stream().filter(v -> v.actionId().equals("s1")).toList();
        assertThat(verdicts).hasSize(2);
        assertThat(verdicts.get(1)).as("the same answer again").usingRecursiveComparison()
                .ignoringFields("decidedAt").isEqualTo(verdicts.get(0));
        assertThat(economy.books().balances()).isEqualTo(600 + 300);
        assertBalanced(1_300);
    }

    @Test
    void everyMessageDeliveredAgainChangesNothing() throws Exception {
        seatAnnAndBob();
        economy.send(sit("bob", "s2", 3, 300, 3));
        economy.quiet();
        economy.send(new HandStart("h1", "t1", T0.plusSeconds(4), 7));
        economy.send(new Pack("act:ann:p1", "t1", T0.plusSeconds(5), "ann"));
        economy.send(new PlayerLeave("act:bob:l1", "t1", T0.plusSeconds(6), "bob"));
        economy.quiet();
        Books.Totals before = economy.books();
        for (int i = 0; i < economy.messages().size(); i++) {
            economy.redeliverMessage(i);
        }
        economy.quiet();

        assertThat(economy.books()).isEqualTo(before);
        assertBalanced(1_300);
    }

    @Test
    void leavingAndClosingSendEveryStackBackWithWhatItHeld() throws Exception {
        seatAnnAndBob();
        economy.quiet();
        dealAndBobPacks();
        economy.quiet();
        assertBalanced(1_300);

        economy.send(new PlayerLeave("act:bob:l1", "t1", T0.plusSeconds(5), "bob"));
        economy.send(new TableClose("close", "t1", T0.plusSeconds(6)));
        economy.quiet();

        List<StackReturn> returns = economy.messages().stream()
                .filter(o -> o.topic().equals(Economy.TOPICS.walletEvents()) && o.key() != null)
                .map(o -> Json.read(o.value(), dev.scoreline.wallet.event.WalletEvent.class))
                .filter(StackReturn.class::isInstance).map(StackReturn.class::cast).toList();
        assertThat(returns).extracting(StackReturn::playerId, StackReturn::chips, StackReturn::eventId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bob", 290L, "t1@6:bob"),
                        org.assertj.core.groups.Tuple.tuple("ann", 410L, "t1@7:ann"));
        Books.Totals books = economy.books();
        assertThat(books.stacks()).isZero();
        assertThat(books.balances()).isEqualTo(1_300);
        assertBalanced(1_300);
    }

    @Test
    void aSitTheBackendSendsToTheWalletGoesOnToo() throws Exception {
        economy.send(new SitRequest("lobby-seat-77", "ann", T0.plusSeconds(1), "t1", 3, 250));
        economy.quiet();

        assertThat(economy.verdicts()).as("no player's action, no verdict").isEmpty();
        Books.Totals books = economy.books();
        assertThat(books.stacks()).isEqualTo(250);
        assertBalanced(1_300);
    }

    @Test
    void aSitThatDoesNotComeFromAWalletIsRefusedAtAWalletTable() throws Exception {
        economy.send(new PlayerSit("act:eve:s1", "t1", T0.plusSeconds(1), "eve", 4, 1_000));
        economy.quiet();

        assertThat(lastVerdict("s1").reason())
                .isEqualTo("table t1 sells its seats from the players' wallets: a sit must come from one");
        assertBalanced(1_300);
    }

    @Test
    void theBooksSurviveARestartOfBothSides() throws Exception {
        seatAnnAndBob();
        economy.restart();
        dealAndBobPacks();
        economy.send(new PlayerLeave("act:ann:l1", "t1", T0.plusSeconds(5), "ann"));
        economy.quiet();

        assertThat(economy.deadLetters()).isEmpty();
        assertThat(economy.books().stacks()).as("bob's stack").isEqualTo(290);
        assertBalanced(1_300);
    }
}
