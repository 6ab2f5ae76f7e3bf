package dev.scoreline.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.entity.Message;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.table.event.PlayerSit;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.BetRefused;
import dev.scoreline.wallet.event.BetRequest;
import dev.scoreline.wallet.event.BetSettled;
import dev.scoreline.wallet.event.BetTaken;
import dev.scoreline.wallet.event.BetUnsettled;
import dev.scoreline.wallet.event.Credit;
import dev.scoreline.wallet.event.Debit;
import dev.scoreline.wallet.event.SeatRefused;
import dev.scoreline.wallet.event.SeatTaken;
import dev.scoreline.wallet.event.SitRequest;
import dev.scoreline.wallet.event.StackReturn;
import dev.scoreline.wallet.event.WalletEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The rules of a player's wallet: a pure fold of {@link WalletEvent}s into a {@link WalletState}.
 *
 * <p>A buy-in is a saga of idempotent steps, each an event with an id derived from the player's
 * action: the player's sit reserves the chips here (or is refused: the balance is too low) and is
 * passed on to the table under the same id ({@link #forward}); the table seats the player
 * ({@code seat.taken}: the reservation becomes chips at the table) or refuses ({@code
 * seat.refused}: the reservation is released); a stack that leaves the table comes back ({@code
 * stack.return}). No step can be lost or applied twice, because each is a Kafka record the job
 * writes in the same checkpoint as the state that caused it, and each entity ignores an id it has
 * seen. Each answer also checks what it answers (a reservation waiting, chips at that table), so
 * that a copy delivered after the job forgot its id (the de-duplication window) changes nothing:
 * the table always answers a buy-in, and sends a stack back, after the wallet sent it there.
 *
 * <p>A bet is the same saga with a match: the stake is reserved here and the bet passed on to the
 * match's partition; the match takes it ({@code bet.taken}: the stake is the match's) or refuses
 * it ({@code bet.refused}: released), and pays it when its market is decided ({@code bet.settled},
 * 0 for a bet lost). A correction of the ball that decided it takes the payout back ({@code
 * bet.unsettled}), which may leave the balance below zero: the wallet then refuses every stake,
 * buy-in and debit until credits or winnings bring it back.
 */
public final class WalletRules implements EntityRules<WalletState, WalletEvent> {

    /** The most chips one movement may be, as the tables' limit: far below overflow. */
    public static final long MAX_CHIPS = 1_000_000_000_000L;

    /**
     * The most chips a wallet is ever credited: a million of the largest credits, and no sum of
     * chips in the game comes near overflowing.
     */
    public static final long MAX_CREDITED = 1_000_000 * MAX_CHIPS;

    /** How many movements the player's channel shows. */
    public static final int RECENT = 20;

    /**
     * The most bets a player may have waiting for their markets: each is in the wallet's state and
     * on the player's channel until it is decided, and every movement of the wallet carries them.
     */
    public static final int MAX_OPEN_BETS = 100;

    @Override
    public Channel.Kind kind() {
        return Channel.Kind.PLAYER;
    }

    @Override
    public Decision<WalletState> apply(WalletState current, WalletEvent event, Supplier<List<WalletEvent>> history) {
        String missing = missingField(event);
        if (missing != null) {
            return Decision.reject(event.type() + " has no " + missing);
        }
        if (!Channel.isIdentifier(event.playerId())) {
            return Decision.reject("player id '" + event.playerId() + "' is not valid");
        }
        WalletState wallet = current == null ? WalletState.empty(event.playerId()) : current;
        if (!wallet.playerId().equals(event.playerId())) {
            return Decision.reject("an event of player " + event.playerId() + " reached the wallet of "
                    + wallet.playerId());
        }
        if (event instanceof Credit c) {
            return credit(wallet, c);
        } else if (event instanceof Debit d) {
            return debit(wallet, d);
        } else if (event instanceof SitRequest s) {
            return reserve(wallet, s);
        } else if (event instanceof SeatTaken t) {
            return seated(wallet, t);
        } else if (event instanceof SeatRefused r) {
            return released(wallet, r);
        } else if (event instanceof StackReturn r) {
            return returned(wallet, r);
        } else if (event instanceof BetRequest b) {
            return stake(wallet, b);
        } else if (event instanceof BetTaken t) {
            return betTaken(wallet, t);
        } else if (event instanceof BetRefused r) {
            return betRefused(wallet, r);
        } else if (event instanceof BetSettled settled) {
            return betSettled(wallet, settled);
        }
        return betUnsettled(wallet, (BetUnsettled) event);
    }

    private static String missingField(WalletEvent event) {
        if (event.eventId() == null || event.eventId().isBlank()) {
            return "eventId";
        }
        if (event.playerId() == null) {
            return "playerId";
        }
        if (event.eventTime() == null) {
            return "eventTime";
        }
        if (event instanceof Credit c) {
            return c.cause() == null ? "cause" : null;
        } else if (event instanceof Debit d) {
            return d.cause() == null ? "cause" : null;
        } else if (event instanceof SitRequest s) {
            return s.tableId() == null ? "tableId" : null;
        } else if (event instanceof SeatTaken t) {
            return t.tableId() == null ? "tableId" : t.reservation() == null ? "reservation" : null;
        } else if (event instanceof SeatRefused r) {
            return r.tableId() == null ? "tableId" : r.reservation() == null ? "reservation" : null;
        } else if (event instanceof StackReturn r) {
            return r.tableId() == null ? "tableId" : null;
        } else if (event instanceof BetRequest b) {
            return b.matchId() == null ? "matchId" : b.market() == null ? "market" : b.outcome() == null ? "outcome" : null;
        } else if (event instanceof BetTaken t) {
            return t.matchId() == null ? "matchId" : t.bet() == null ? "bet" : null;
        } else if (event instanceof BetRefused r) {
            return r.matchId() == null ? "matchId" : r.bet() == null ? "bet" : null;
        } else if (event instanceof BetSettled settled) {
            return settled.matchId() == null ? "matchId" : settled.bet() == null ? "bet"
                    : settled.result() == null ? "result" : null;
        }
        BetUnsettled u = (BetUnsettled) event;
        return u.matchId() == null ? "matchId" : u.bet() == null ? "bet" : null;
    }

    private static Decision<WalletState> credit(WalletState w, Credit c) {
        String wrong = outOfRange(c.chips(), "a credit");
        if (wrong != null) {
            return Decision.reject(wrong);
        }
        if (w.credited() > MAX_CREDITED - c.chips()) {
            return Decision.reject("the wallet has been credited " + w.credited() + " chips, and is credited at most "
                    + MAX_CREDITED);
        }
        return Decision.accept(new Change(w, c.eventId(), c.eventTime())
                .balance(c.chips()).credited(c.chips()).note("credit", null, c.cause()).state());
    }

    private static Decision<WalletState> debit(WalletState w, Debit d) {
        String wrong = outOfRange(d.chips(), "a debit");
        if (wrong != null) {
            return Decision.reject(wrong);
        }
        if (d.chips() > w.balance()) {
            return Decision.reject("balance " + w.balance() + " is less than the debit of " + d.chips());
        }
        return Decision.accept(new Change(w, d.eventId(), d.eventTime())
                .balance(-d.chips()).debited(d.chips()).note("debit", null, d.cause()).state());
    }

    private static Decision<WalletState> reserve(WalletState w, SitRequest s) {
        if (!Channel.isIdentifier(s.tableId())) {
            return Decision.reject("table id '" + s.tableId() + "' is not valid");
        }
        String wrong = outOfRange(s.chips(), "a buy-in");
        if (wrong != null) {
            return Decision.reject(wrong);
        }
        if (s.chips() > w.balance()) {
            return Decision.reject("balance " + w.balance() + " is less than the buy-in " + s.chips());
        }
        return Decision.accept(new Change(w, s.eventId(), s.eventTime())
                .balance(-s.chips())
                .reserve(s.eventId(), new WalletState.Reservation(s.tableId(), s.seat(), s.chips()))
                .note("buy-in", s.tableId(), null).state());
    }

    private static Decision<WalletState> seated(WalletState w, SeatTaken t) {
        WalletState.Reservation r = w.reservations().get(t.reservation());
        if (r == null || !r.tableId().equals(t.tableId())) {
            return Decision.reject("no buy-in " + t.reservation() + " at table " + t.tableId() + " is waiting");
        }
        return Decision.accept(new Change(w, t.eventId(), t.eventTime())
                .release(t.reservation()).toTable(t.tableId(), r.chips()).note("seated", t.tableId(), null).state());
    }

    private static Decision<WalletState> released(WalletState w, SeatRefused refused) {
        WalletState.Reservation r = w.reservations().get(refused.reservation());
        if (r == null || !r.tableId().equals(refused.tableId())) {
            return Decision.reject("no buy-in " + refused.reservation() + " at table " + refused.tableId()
                    + " is waiting");
        }
        return Decision.accept(new Change(w, refused.eventId(), refused.eventTime())
                .release(refused.reservation()).balance(r.chips())
                .note("released", refused.tableId(), refused.reason()).state());
    }

    private static Decision<WalletState> returned(WalletState w, StackReturn r) {
        if (r.chips() < 0 || r.chips() > MAX_CREDITED) {
            return Decision.reject("a stack of " + r.chips() + " chips cannot come back");
        }
        if (!w.tables().containsKey(r.tableId())) {
            return Decision.reject("the player has no chips at table " + r.tableId() + " to come back");
        }
        return Decision.accept(new Change(w, r.eventId(), r.eventTime())
                .balance(r.chips()).leave(r.tableId()).note("returned", r.tableId(), null).state());
    }

    private static Decision<WalletState> stake(WalletState w, BetRequest b) {
        if (!Channel.isIdentifier(b.matchId())) {
            return Decision.reject("match id '" + b.matchId() + "' is not valid");
        }
        String wrong = outOfRange(b.stake(), "a stake");
        if (wrong != null) {
            return Decision.reject(wrong);
        }
        if (b.stake() > w.balance()) {
            return Decision.reject("balance " + w.balance() + " is less than the stake " + b.stake());
        }
        if (w.bets().size() >= MAX_OPEN_BETS) {
            return Decision.reject(w.bets().size() + " bets are waiting for their markets already, the most a player "
                    + "may have");
        }
        return Decision.accept(new Change(w, b.eventId(), b.eventTime())
                .balance(-b.stake())
                .bet(b.eventId(), new WalletState.Bet(b.matchId(), b.market(), b.outcome(), b.stake(), false))
                .noteBet("stake", b.matchId(), b.market(), null).state());
    }

    private static Decision<WalletState> betTaken(WalletState w, BetTaken t) {
        WalletState.Bet bet = w.bets().get(t.bet());
        if (bet == null || bet.taken() || !bet.matchId().equals(t.matchId())) {
            return Decision.reject("no bet " + t.bet() + " on match " + t.matchId() + " is waiting");
        }
        return Decision.accept(new Change(w, t.eventId(), t.eventTime())
                .bet(t.bet(), new WalletState.Bet(bet.matchId(), bet.market(), bet.outcome(), bet.stake(), true))
                .noteBet("bet taken", bet.matchId(), bet.market(), null).state());
    }

    private static Decision<WalletState> betRefused(WalletState w, BetRefused r) {
        WalletState.Bet bet = w.bets().get(r.bet());
        if (bet == null || bet.taken() || !bet.matchId().equals(r.matchId())) {
            return Decision.reject("no bet " + r.bet() + " on match " + r.matchId() + " is waiting");
        }
        return Decision.accept(new Change(w, r.eventId(), r.eventTime())
                .unbet(r.bet()).balance(bet.stake())
                .noteBet("bet refused", bet.matchId(), bet.market(), r.reason()).state());
    }

    private static Decision<WalletState> betSettled(WalletState w, BetSettled settled) {
        WalletState.Bet bet = w.bets().get(settled.bet());
        if (bet == null || !bet.taken() || !bet.matchId().equals(settled.matchId())) {
            return Decision.reject("no bet " + settled.bet() + " on match " + settled.matchId() + " is open");
        }
        if (settled.payout() < 0 || settled.payout() > MAX_CREDITED) {
            return Decision.reject("a payout of " + settled.payout() + " chips cannot be");
        }
        String kind = "returned".equals(settled.result()) ? "bet returned" : settled.result();
        return Decision.accept(new Change(w, settled.eventId(), settled.eventTime())
                .unbet(settled.bet()).balance(settled.payout())
                .noteBet(kind, bet.matchId(), bet.market(), settled.why()).state());
    }

    private static Decision<WalletState> betUnsettled(WalletState w, BetUnsettled u) {
        if (w.bets().containsKey(u.bet())) {
            return Decision.reject("bet " + u.bet() + " is not settled: nothing to take back");
        }
        if (u.payout() < 0 || u.payout() > MAX_CREDITED) {
            return Decision.reject("a payout of " + u.payout() + " chips cannot be taken back");
        }
        return Decision.accept(new Change(w, u.eventId(), u.eventTime())
                .balance(-u.payout())
                .bet(u.bet(), new WalletState.Bet(u.matchId(), u.market(), null, u.stake(), true))
                .noteBet("taken back", u.matchId(), u.market(), "correction").state());
    }

    private static String outOfRange(long chips, String what) {
        if (chips < 1 || chips > MAX_CHIPS) {
            return what + " is 1 to " + MAX_CHIPS + " chips, not " + chips;
        }
        return null;
    }

    @Override
    public Map<Channel, JsonNode> views(WalletState state) {
        return Map.of(Channel.player(state.playerId()), WalletView.of(state));
    }

    @Override
    public Map<Channel, JsonNode> views(WalletState state, WalletState previousState,
            Map<Channel, JsonNode> previousViews) {
        Channel channel = Channel.player(state.playerId());
        JsonNode previous = previousViews.get(channel);
        return previousState == null || previous == null ? views(state)
                : Map.of(channel, WalletView.of(state, previousState, previous));
    }

    /**
     * The table's or the match's channel: the player acted there, and a refused buy-in or stake is
     * their verdict on that move.
     */
    @Override
    public Channel actedOn(WalletEvent event) {
        if (event instanceof SitRequest s && Channel.isIdentifier(s.tableId())) {
            return Channel.table(s.tableId());
        }
        if (event instanceof BetRequest b && Channel.isIdentifier(b.matchId())) {
            return Channel.match(b.matchId());
        }
        return EntityRules.super.actedOn(event);
    }

    /**
     * A reserved buy-in goes on to the table, a reserved stake to the match, under the action's own
     * id; the table or the match answers the player.
     */
    @Override
    public Message forward(WalletEvent event) {
        if (event instanceof SitRequest s) {
            return new Message(Topic.TABLE_EVENTS, new PlayerSit(s.eventId(), s.tableId(), s.eventTime(),
                    s.playerId(), s.seat(), s.chips(), true));
        }
        if (event instanceof BetRequest b) {
            return new Message(Topic.MATCH_EVENTS, new BetPlace(b.eventId(), b.matchId(), b.eventTime(), b.playerId(),
                    b.market(), b.outcome(), b.stake()));
        }
        return null;
    }

    /** A player without a wallet has one with nothing in it. */
    @Override
    public boolean startsEmpty() {
        return true;
    }

    /** A wallet with no chip anywhere; one that holds any must outlive every idle time-out. */
    @Override
    public boolean mayForget(WalletState state) {
        return state.isEmpty();
    }

    /** The next state, built one movement at a time. */
    private static final class Change {
        private final WalletState from;
        private final String eventId;
        private final Instant at;
        private long balance;
        private long credited;
        private long debited;
        private final TreeMap<String, WalletState.Reservation> reservations;
        private final TreeMap<String, Long> tables;
        private final TreeMap<String, WalletState.Bet> bets;
        private long change;
        private WalletState.Movement movement;

        Change(WalletState from, String eventId, Instant at) {
            this.from = from;
            this.eventId = eventId;
            this.at = at;
            this.balance = from.balance();
            this.credited = from.credited();
            this.debited = from.debited();
            this.reservations = new TreeMap<>(from.reservations());
            this.tables = new TreeMap<>(from.tables());
            this.bets = new TreeMap<>(from.bets());
        }

        Change balance(long chips) {
            balance += chips;
            change += chips;
            return this;
        }

        Change credited(long chips) {
            credited += chips;
            return this;
        }

        Change debited(long chips) {
            debited += chips;
            return this;
        }

        Change reserve(String id, WalletState.Reservation r) {
            reservations.put(id, r);
            return this;
        }

        Change release(String id) {
            reservations.remove(id);
            return this;
        }

        Change toTable(String tableId, long chips) {
            tables.merge(tableId, chips, Long::sum);
            return this;
        }

        Change leave(String tableId) {
            tables.remove(tableId);
            return this;
        }

        Change bet(String id, WalletState.Bet bet) {
            bets.put(id, bet);
            return this;
        }

        Change unbet(String id) {
            bets.remove(id);
            return this;
        }

        Change note(String kind, String tableId, String cause) {
            movement = new WalletState.Movement(from.movements() + 1, eventId, at, kind, change, balance, tableId,
                    cause, null, null);
            return this;
        }

        Change noteBet(String kind, String matchId, String market, String cause) {
            movement = new WalletState.Movement(from.movements() + 1, eventId, at, kind, change, balance, null,
                    cause, matchId, market);
            return this;
        }

        WalletState state() {
            List<WalletState.Movement> recent = new ArrayList<>(from.recent());
            recent.add(movement);
            if (recent.size() > RECENT) {
                recent.subList(0, recent.size() - RECENT).clear();
            }
            return new WalletState(from.playerId(), balance, credited, debited, reservations, tables, bets,
                    from.movements() + 1, List.copyOf(recent));
        }
    }
}
