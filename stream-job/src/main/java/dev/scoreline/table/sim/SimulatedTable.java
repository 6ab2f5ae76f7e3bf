package dev.scoreline.table.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.table.Hand;
import dev.scoreline.table.HandPlayer;
import dev.scoreline.table.Seat;
import dev.scoreline.table.TableState;
import dev.scoreline.table.TeenPattiRules;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated table: the table service's side of it. It folds its own events through the rules
 * (that is how it knows whose turn it is and when a turn times out) and asks the awaited bot,
 * which sees only its views, what to do.
 */
final class SimulatedTable {

    /** Seeds stay within what a JSON reader in any language holds exactly. */
    private static final long SEED_BITS = (1L << 53) - 1;

    private final TeenPattiRules rules;
    private final TableSimulator.Settings settings;
    private final String tableId;
    private final int index;
    private final SplittableRandom random;
    private TableState state;
    private Instant clock;
    private long events;
    private int joined;
    private TableEvent pending;

    SimulatedTable(TeenPattiRules rules, TableSimulator.Settings settings, int index, SplittableRandom random) {
        this.rules = rules;
        this.settings = settings;
        this.index = index;
        this.random = random;
        this.tableId = settings.tablePrefix() + (index + 1);
        this.clock = settings.start().plusMillis(137L * index);
        this.pending = new TableOpen(nextId(), tableId, clock, settings.config());
    }

    int index() {
        return index;
    }

    /** The next event this table will emit, or null when it is closed. */
    TableEvent pending() {
        return pending;
    }

    TableEvent emit() {
        TableEvent event = pending;
        fold(event);
        pending = decideNext();
        return event;
    }

    private void fold(TableEvent event) {
        Decision<TableState> decision = rules.apply(state, event, List::of);
        if (decision instanceof Decision.Rejected<TableState> rejected) {
            throw new IllegalStateException("the simulator made an illegal " + event.type() + " at " + tableId
                    + ": " + rejected.reason());
        }
        state = ((Decision.Accepted<TableState>) decision).state();
        clock = event.eventTime();
    }

    private TableEvent decideNext() {
        if (state.closed()) {
            return null;
        }
        return state.handInPlay() ? duringHand() : betweenHands();
    }

    private TableEvent betweenHands() {
        TableConfig config = state.config();
        Instant at = after(1_000, 3_000);
        if (settings.handsPerTable() > 0 && state.hands() >= settings.handsPerTable()) {
            return new TableClose(nextId(), tableId, at);
        }
        for (Seat seat : state.seats()) {
            if (seat.chips() < config.boot()) {
                return new PlayerLeave(nextId(), tableId, at, seat.playerId());
            }
        }
        if (state.seats().size() > 2 && random.nextDouble() < 0.05) {
            Seat leaving = state.seats().get(random.nextInt(state.seats().size()));
            return new PlayerLeave(nextId(), tableId, at, leaving.playerId());
        }
        if (state.seats().size() < settings.playersPerTable()) {
            int free = 1;
            while (state.seat(free).isPresent()) {
                free++;
            }
            joined++;
            long buyIn = config.boot() * random.nextLong(50, 201);
            return new PlayerSit(nextId(), tableId, at, tableId + "-p" + joined, free, buyIn);
        }
        return new HandStart(nextId(), tableId, at, random.nextLong() & SEED_BITS);
    }

    private TableEvent duringHand() {
        Hand hand = state.hand();
        if (random.nextDouble() < settings.timeoutChance()) {
            Instant deadline = rules.deadline(state);
            fold(rules.deadlineEvent(state, deadline));
            return decideNext();
        }
        HandPlayer awaited = hand.player(hand.awaitedSeat()).orElseThrow();
        Instant at = onTime(rules.deadline(state));
        List<HandPlayer> others = hand.inPlay().stream().filter(p -> p.seat() != awaited.seat()).toList();
        if (random.nextDouble() < 0.005) {
            HandPlayer leaving = others.get(random.nextInt(others.size()));
            return new PlayerLeave(nextId(), tableId, at, leaving.playerId());
        }
        Map<Channel, JsonNode> views = rules.views(state);
        JsonNode table = views.get(Channel.table(tableId));
        JsonNode own = views.get(Channel.seat(tableId, awaited.playerId()));
        Bot.Choice choice = Bot.decide(table, own, random);
        String who = awaited.playerId();
        return switch (choice.kind()) {
            case SEE -> new CardsSee(nextId(), tableId, at, who);
            case BET -> new Bet(nextId(), tableId, at, who, choice.amount());
            case PACK -> new Pack(nextId(), tableId, at, who);
            case SHOW -> new Show(nextId(), tableId, at, who);
            case SIDE_SHOW -> new SideShowRequest(nextId(), tableId, at, who);
            case ANSWER -> new SideShowAnswer(nextId(), tableId, at, who, choice.accept());
        };
    }

    /** A think time of up to a quarter of a turn, always before the deadline. */
    private Instant onTime(Instant deadline) {
        long quarter = Math.max(400, state.config().turnTimeout().toMillis() / 4);
        Instant at = after(300, quarter);
        Instant last = deadline.minusMillis(1);
        return at.isBefore(last) ? at : clock.isAfter(last) ? clock : last;
    }

    private Instant after(long minMillis, long maxMillis) {
        return clock.plus(Duration.ofMillis(random.nextLong(minMillis, maxMillis + 1)));
    }

    private String nextId() {
        events++;
        return tableId + ":" + events;
    }
}
