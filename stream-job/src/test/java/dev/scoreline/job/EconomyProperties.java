package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.action.Verdict;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.CardsSee;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.Show;
import dev.scoreline.table.event.TableClose;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableOpen;
import dev.scoreline.wallet.Books;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.Debit;
import dev.scoreline.wallet.event.SitRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Random sequences of credits, debits, sits (some retried), hands, moves, leaves, closes,
 * redeliveries of any message one entity sent another, and restarts of both sides from a
 * snapshot, through the job's keyed function on wallets and tables ({@link Economy}), and at the
 * end everyone leaving, after which every chip is back in a wallet. Once the topics are quiet
 * after every step: the books balance, no balance is below zero, every
 * reservation has ended, a step of a buy-in is refused only as a stale copy (one delivered after
 * the job forgot its id, which then changes nothing), and every verdict on an action says the same each
 * time it is given (no action applied twice).
 */
class EconomyProperties {

    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    private static final List<String> PLAYERS = List.of("ann", "bob", "cy");
    private static final List<String> TABLES = List.of("t1", "t2");

    enum Kind { CREDIT, DEBIT, SIT, RETRY, HAND, SEE, BET, PACK, SHOW, LEAVE, CLOSE, REDELIVER, RESTART }

    record Step(Kind kind, int player, int table, long amount, int n) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.CREDIT)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.DEBIT)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.SIT)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.RETRY)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.HAND)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SEE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.BET)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.PACK)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.SHOW)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.LEAVE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.CLOSE)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.REDELIVER)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.RESTART)));
        Arbitrary<Step> step = Combinators.combine(kinds, Arbitraries.integers().between(0, PLAYERS.size() - 1),
                        Arbitraries.integers().between(0, TABLES.size() - 1), Arbitraries.longs().between(1, 1_500),
                        Arbitraries.integers().between(0, 1_000))
                .as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(80);
    }

    @Property(tries = 40)
    @StatisticsReport(onFailureOnly = true)
    void theBooksBalanceAfterEveryStep(@ForAll("steps") List<Step> steps) throws Exception {
        try (Economy economy = new Economy()) {
            for (String table : TABLES) {
                economy.send(new TableOpen("open-" + table, table, T0,
                        new TableConfig(4, 10, 160, 2, 600, 20, null, null, true)));
            }
            for (String player : PLAYERS) {
                economy.send(new Credit("credit:welcome", player, T0, 3_000, "bonus"));
            }
            long issued = 0;
            List<SitRequest> sits = new ArrayList<>();
            int second = 0;
            int hands = 0;
            for (Step s : steps) {
                second++;
                Instant at = T0.plusSeconds(second);
                String player = PLAYERS.get(s.player());
                String table = TABLES.get(s.n() % 4 == 0 ? s.table() : 0);
                String act = "act:" + player + ":m" + second;
                EntityEvent event = switch (s.kind()) {
                    case CREDIT -> new Credit("credit:" + (s.n() % 40), player, at, s.amount(), "purchase");
                    case DEBIT -> new Debit("debit:" + second, player, at, s.amount(), "cash-out");
                    case SIT -> {
                        SitRequest sit = new SitRequest(act, player, at, table, 1 + s.n() % 4, s.amount());
                        sits.add(sit);
                        yield sit;
                    }
                    case RETRY -> sits.isEmpty() ? null : sits.get(s.n() % sits.size());
                    case HAND -> new HandStart(table + ":h" + (++hands), table, at, s.n());
                    case SEE -> new CardsSee(act, table, at, player);
                    case BET -> new Bet(act, table, at, player, 10L * (1 + s.amount() % 16));
                    case PACK -> new Pack(act, table, at, player);
                    case SHOW -> new Show(act, table, at, player);
                    case LEAVE -> new PlayerLeave(act, table, at, player);
                    case CLOSE -> new TableClose("close-" + table, table, at);
                    case REDELIVER, RESTART -> null;
                };
                if (event != null) {
                    economy.send(event);
                } else if (s.kind() == Kind.REDELIVER) {
                    economy.redeliverMessage(s.n());
                } else if (s.kind() == Kind.RESTART) {
                    economy.restart();
                }
                economy.quiet();

                Books.Totals books = economy.books();
                assertThat(books.negative()).as("after %s", s).isEmpty();
                assertThat(books.reserved()).as("every reservation ended, after %s", s).isZero();
                assertThat(books.held()).as("the books after %s: %s", s, books).isEqualTo(books.issued());
                issued = books.issued();
            }
            assertThat(issued).isNotNegative();
            second++;
            for (String table : TABLES) {
                for (String player : PLAYERS) {
                    economy.send(new PlayerLeave("act:" + player + ":bye-" + table, table, T0.plusSeconds(second),
                            player));
                }
            }
            economy.quiet();
            Books.Totals end = economy.books();
            assertThat(end.stacks() + end.pots()).as("everyone left: every chip back in a wallet, %s", end).isZero();
            assertThat(end.balances()).isEqualTo(end.issued());
            for (String type : List.of("seat.taken", "seat.refused", "stack.return")) {
                Statistics.label(type).collect(economy.messages().stream()
                        .anyMatch(o -> Json.tree(o.value()).path("type").asText().equals(type)));
            }
            for (DeadLetter letter : economy.deadLetters()) {
                String type = Json.tree(letter.value()).path("type").asText();
                if (List.of("seat.taken", "seat.refused", "stack.return").contains(type)) {
                    assertThat(letter.message()).as("a step of a buy-in is refused only as a stale copy")
                            .containsAnyOf("is waiting", "to come back");
                }
            }
            Map<String, List<Verdict>> byAction = economy.verdicts().stream()
                    .collect(Collectors.groupingBy(Verdict::eventId, HashMap::new, Collectors.toList()));
            byAction.forEach((id, verdicts) -> assertThat(verdicts).as("every verdict on %s", id)
                    .allSatisfy(v -> assertThat(v).usingRecursiveComparison().ignoringFields("decidedAt")
                            .isEqualTo(verdicts.get(0))));
        }
        for (String type : List.of("seat.taken", "seat.refused", "stack.return")) {
            Statistics.label(type).coverage(c -> c.check(true).percentage(p -> p >= 20));
        }
    }
}
