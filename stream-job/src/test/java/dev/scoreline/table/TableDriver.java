package dev.scoreline.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.json.Json;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.CardsSee;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerLeave;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.table.event.Show;
import dev.scoreline.table.event.SideShowAnswer;
import dev.scoreline.table.event.SideShowRequest;
import dev.scoreline.table.event.TableClose;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TableOpen;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Plays one table through the rules in a test: builds events with fresh ids and a clock that moves
 * a second per event, and checks that each is accepted or, for {@link #rejects}, refused without a
 * change.
 */
final class TableDriver {

    static final String TABLE = "t1";
    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    /** Six seats, boot 10, chaal limit 100, three blind bets, pot limit 1,000, 30 s turns. */
    static final TableConfig CONFIG = new TableConfig(6, 10, 100, 3, 1_000, 30, null, null);

    final TeenPattiRules rules = new TeenPattiRules();
    TableState state;
    Instant clock = START;
    private int ids;

    /** Opens the table and seats each player in turn at seats 1, 2, ... with 1,000 chips. */
    static TableDriver seated(TableConfig config, String... players) {
        TableDriver table = new TableDriver();
        table.accept(new TableOpen(table.id(), TABLE, table.tick(), config));
        for (int i = 0; i < players.length; i++) {
            table.accept(new PlayerSit(table.id(), TABLE, table.tick(), players[i], i + 1, 1_000));
        }
        return table;
    }

    /**
     * The first seed from 1 up whose deal to {@code players} players, in seat order, satisfies the
     * test: how a test gets the hands it needs without reaching past the deal.
     */
    static long seedWhere(int players, Predicate<List<List<Card>>> wanted) {
        for (long seed = 1; seed < 10_000_000; seed++) {
            if (wanted.test(Deck.deal(seed, players))) {
                return seed;
            }
        }
        throw new AssertionError("no seed deals such hands");
    }

    static HandRank rankOf(List<Card> cards) {
        return HandEvaluator.rank(cards);
    }

    String id() {
        return "e" + ++ids;
    }

    Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    TableDriver accept(TableEvent event) {
        Decision<TableState> decision = rules.apply(state, event, List::of);
        assertThat(decision).as("%s", event).isInstanceOf(Decision.Accepted.class);
        state = ((Decision.Accepted<TableState>) decision).state();
        clock = clock.isAfter(event.eventTime()) ? clock : event.eventTime();
        return this;
    }

    /** The reason the rules give for refusing {@code event}; the table must be as it was. */
    String rejects(TableEvent event) {
        JsonNode before = Json.tree(state);
        Decision<TableState> decision = rules.apply(state, event, List::of);
        assertThat(decision).as("%s", event).isInstanceOf(Decision.Rejected.class);
        assertThat(Json.tree(state)).isEqualTo(before);
        return ((Decision.Rejected<TableState>) decision).reason();
    }

    TableDriver start(long seed) {
        return accept(startEvent(seed));
    }

    HandStart startEvent(long seed) {
        return new HandStart(id(), TABLE, tick(), seed);
    }

    TableDriver see(String player) {
        return accept(seeEvent(player));
    }

    CardsSee seeEvent(String player) {
        return new CardsSee(id(), TABLE, tick(), player);
    }

    TableDriver bet(String player, long amount) {
        return accept(betEvent(player, amount));
    }

    Bet betEvent(String player, long amount) {
        return new Bet(id(), TABLE, tick(), player, amount);
    }

    TableDriver pack(String player) {
        return accept(packEvent(player));
    }

    Pack packEvent(String player) {
        return new Pack(id(), TABLE, tick(), player);
    }

    TableDriver show(String player) {
        return accept(showEvent(player));
    }

    Show showEvent(String player) {
        return new Show(id(), TABLE, tick(), player);
    }

    TableDriver sideShow(String player) {
        return accept(sideShowEvent(player));
    }

    SideShowRequest sideShowEvent(String player) {
        return new SideShowRequest(id(), TABLE, tick(), player);
    }

    TableDriver answer(String player, boolean accept) {
        return accept(answerEvent(player, accept));
    }

    SideShowAnswer answerEvent(String player, boolean accept) {
        return new SideShowAnswer(id(), TABLE, tick(), player, accept);
    }

    TableDriver leave(String player) {
        return accept(leaveEvent(player));
    }

    PlayerLeave leaveEvent(String player) {
        return new PlayerLeave(id(), TABLE, tick(), player);
    }

    PlayerSit sitEvent(String player, int seat, long chips) {
        return new PlayerSit(id(), TABLE, tick(), player, seat, chips);
    }

    TableClose closeEvent() {
        return new TableClose(id(), TABLE, tick());
    }

    Hand hand() {
        return state.hand();
    }

    HandPlayer player(String playerId) {
        return state.hand().playerOf(playerId).orElseThrow();
    }

    long chips(String playerId) {
        return state.seatOf(playerId).orElseThrow().chips();
    }

    /** The player whose move the hand waits for. */
    String awaited() {
        return hand().player(hand().awaitedSeat()).orElseThrow().playerId();
    }

    JsonNode publicView() {
        return rules.views(state).get(Channel.table(TABLE));
    }

    JsonNode seatView(String playerId) {
        return rules.views(state).get(Channel.seat(TABLE, playerId));
    }
}
