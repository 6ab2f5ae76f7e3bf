package dev.scoreline.table;

import static dev.scoreline.table.IllegalAction.check;

import dev.scoreline.delta.Channel;
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
import dev.scoreline.table.event.TurnTimeout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A working copy of a table while one event is folded into it. Each move first checks everything
 * it needs and throws {@link IllegalAction} before it changes anything it cannot undo; the rules
 * throw the copy away on a rejection, so the state they hold is never half changed.
 *
 * <p>It owns what outlasts a hand: the table's id and configuration, whether it is closed, how many
 * hands have started, and the seats with the chips on them; its moves are sitting, leaving,
 * starting a hand and closing. The hand in play is a {@link HandPlay} of its own, which this class
 * creates at a hand's start and passes the hand's moves to once it has made sure a hand is being
 * played. The split follows the two sets of rules: who may be at the table and when, against turn
 * order and stakes within a hand. The hand reaches the seats and the configuration only through
 * {@link HandPlay.Table}, which this class implements, because chips live on the seats: the hand
 * takes its boots and bets from them and pays the pot back onto them.
 */
final class TablePlay implements HandPlay.Table {

    /** The most chips one buy-in or limit may be: far below overflow, however long a table runs. */
    static final long MAX_CHIPS = 1_000_000_000_000L;

    /** Hands in a row a player may only run out of time in before they are stood up. */
    static final int ABSENT_HANDS = 2;

    private static final String ID_RULE = "use 1 to 128 of A-Z a-z 0-9 . _ ~ @ + -";

    private final String tableId;
    private final TableConfig config;
    private boolean closed;
    private int hands;
    private final TreeMap<Integer, Seat> seats = new TreeMap<>();
    /** The hand being played or the last one played; null before the first. */
    private HandPlay hand;
    private Instant readySince;
    /** The seats this event emptied, with what they held then. */
    private final List<Seat> vacated = new ArrayList<>();

    TablePlay(TableState state) {
        tableId = state.tableId();
        config = state.config();
        closed = state.closed();
        hands = state.hands();
        state.seats().forEach(s -> seats.put(s.seat(), s));
        hand = state.hand() == null ? null : new HandPlay(this, state.hand());
        readySince = state.readySince();
    }

    static TableState open(TableOpen event) {
        TableConfig c = event.config();
        check(Channel.isIdentifier(event.tableId()), "table id '%s' is not valid: %s", event.tableId(), ID_RULE);
        check(c.seats() >= 2 && c.seats() <= 6, "a table has 2 to 6 seats, not %d", c.seats());
        check(c.boot() >= 1, "the boot must be at least 1 chip, not %d", c.boot());
        check(c.chaalLimit() >= c.boot(), "the chaal limit of %d is below the boot of %d", c.chaalLimit(), c.boot());
        check(c.maxBlindTurns() >= 0, "the blind turns allowed cannot be negative (%d)", c.maxBlindTurns());
        check(c.potLimit() <= MAX_CHIPS,
                "the pot limit of %d is above the most a table takes, %d", c.potLimit(), MAX_CHIPS);
        check(c.potLimit() > c.seats() * c.boot(),
                "the pot limit of %d must be more than the boots of a full table (%d seats x %d)",
                c.potLimit(), c.seats(), c.boot());
        check(c.turnSeconds() >= 1 && c.turnSeconds() <= 86_400,
                "a turn lasts 1 to 86400 seconds, not %d", c.turnSeconds());
        check(c.minBuyIn() == null || c.minBuyIn() >= c.boot(),
                "the least buy-in of %d is below the boot of %d", c.minBuyIn(), c.boot());
        check(c.maxBuyIn() == null || c.maxBuyIn() <= MAX_CHIPS,
                "the most buy-in of %d is above the most a table takes, %d", c.maxBuyIn(), MAX_CHIPS);
        check(c.maxBuyIn() == null || c.maxBuyIn() >= leastBuyIn(c),
                "the most buy-in of %d is below the least buy-in of %d", c.maxBuyIn(), leastBuyIn(c));
        return new TableState(event.tableId(), c, false, List.of(), 0, null, null, null);
    }

    private static long leastBuyIn(TableConfig c) {
        return c.minBuyIn() == null ? c.boot() : c.minBuyIn();
    }

    TableState state() {
        return new TableState(tableId, config, closed, List.copyOf(seats.values()), hands,
                hand == null ? null : hand.state(), readySince, vacated);
    }

    void apply(TableEvent event) {
        boolean handWasInPlay = handInPlay();
        if (hand != null) {
            hand.timeOutsDueBy(event);
            if (handWasInPlay && !handInPlay()) {
                handEnded();
            }
        }
        boolean playing = handInPlay();
        if (event instanceof PlayerSit e) {
            sit(e);
        } else if (event instanceof PlayerLeave e) {
            leave(e);
        } else if (event instanceof HandStart e) {
            startHand(e);
        } else if (event instanceof CardsSee e) {
            playing().see(e);
        } else if (event instanceof Bet e) {
            playing().bet(e);
        } else if (event instanceof Pack e) {
            playing().pack(e);
        } else if (event instanceof Show e) {
            playing().show(e);
        } else if (event instanceof SideShowRequest e) {
            playing().askSideShow(e);
        } else if (event instanceof SideShowAnswer e) {
            playing().answerSideShow(e);
        } else if (event instanceof TurnTimeout e) {
            playing().timeOut(e);
        } else if (event instanceof TableClose e) {
            close(e);
        } else {
            throw new IllegalAction("table " + tableId + " is already open");
        }
        if (playing && !handInPlay()) {
            handEnded();
        }
        noteReadiness(event.eventTime());
    }

    private void handEnded() {
        standUpTheAbsent();
        noteReadiness(hand.endedAt());
    }

    /**
     * After a hand: a player who only ran out of time in it has been absent one more hand, anyone
     * who did anything has not. {@link #ABSENT_HANDS} in a row and they are stood up, with their
     * chips, as if they had left: a player who closed the game must not be dealt in and time out
     * for ever, holding up every hand of the table.
     */
    private void standUpTheAbsent() {
        Hand played = hand.state();
        for (HandPlayer p : played.players()) {
            Seat seat = seats.get(p.seat());
            if (seat == null || !seat.playerId().equals(p.playerId())) {
                continue;
            }
            boolean timedOut = false;
            boolean acted = false;
            for (HandAction a : played.log()) {
                if (a.seat() == p.seat()) {
                    timedOut |= a.move() == HandAction.Move.TIMEOUT;
                    acted |= a.move() != HandAction.Move.TIMEOUT && a.move() != HandAction.Move.OUTRANKED;
                }
            }
            int absent = timedOut && !acted ? seat.absent() + 1 : 0;
            if (absent >= ABSENT_HANDS) {
                vacate(p.seat());
            } else {
                seats.put(p.seat(), seat.withAbsentHands(absent));
            }
        }
    }

    /**
     * Keeps {@link TableState#readySince}: a table that became ready for a hand at {@code at} (the
     * end of a hand, which a time-out ends at the turn's deadline, or an event) is ready since then,
     * until a hand starts or it is ready no more.
     */
    private void noteReadiness(Instant at) {
        if (closed || handInPlay() || canPayTheBoot().size() < 2) {
            readySince = null;
        } else if (readySince == null) {
            readySince = at;
        }
    }

    private List<Seat> canPayTheBoot() {
        return seats.values().stream().filter(s -> s.chips() >= config.boot()).toList();
    }

    // ---- seats

    private void sit(PlayerSit e) {
        String who = e.playerId();
        check(Channel.isIdentifier(who), "player id '%s' is not valid: %s", who, ID_RULE);
        if (config.playsFromWallets()) {
            check(e.funded(), "table %s sells its seats from the players' wallets: a sit must come from one", tableId);
        } else {
            check(!e.funded(), "table %s plays without wallets: its chips are the table service's", tableId);
        }
        check(e.seat() >= 1 && e.seat() <= config.seats(),
                "seat %d does not exist: the table has seats 1 to %d", e.seat(), config.seats());
        Seat taken = seats.get(e.seat());
        check(taken == null, "seat %d is taken by %s", e.seat(), taken == null ? "" : taken.playerId());
        HandPlayer leaver = handInPlay() ? hand.player(e.seat()) : null;
        check(leaver == null, "seat %d is held by %s until hand %d ends", e.seat(),
                leaver == null ? "" : leaver.playerId(), handNumber());
        Seat already = seats.values().stream().filter(s -> s.playerId().equals(who)).findFirst().orElse(null);
        check(already == null, "%s already sits at seat %d", who, already == null ? 0 : already.seat());
        check(!handInPlay() || hand.playerOf(who) == null,
                "%s left hand %d and may sit again once it ends", who, handNumber());
        if (config.minBuyIn() == null) {
            check(e.chips() >= config.boot(), "a buy-in of %d is less than the boot of %d", e.chips(), config.boot());
        } else {
            check(e.chips() >= config.minBuyIn(), "a buy-in of %d is less than the table's least buy-in of %d",
                    e.chips(), config.minBuyIn());
        }
        if (config.maxBuyIn() == null) {
            check(e.chips() <= MAX_CHIPS, "a buy-in of %d is more than a table takes (%d)", e.chips(), MAX_CHIPS);
        } else {
            check(e.chips() <= config.maxBuyIn(), "a buy-in of %d is more than the table's most buy-in of %d",
                    e.chips(), config.maxBuyIn());
        }
        seats.put(e.seat(), new Seat(e.seat(), who, e.chips()));
    }

    private void leave(PlayerLeave e) {
        Seat seat = seated(e.playerId());
        if (handInPlay()) {
            hand.leave(seat.seat(), e.eventTime());
        }
        vacate(seat.seat());
    }

    /** Closes the table; one that plays from wallets sends every stack back to its wallet. */
    private void close(TableClose e) {
        checkNoHandInPlay();
        closed = true;
        if (config.playsFromWallets()) {
            List.copyOf(seats.keySet()).forEach(this::vacate);
        }
    }

    private void vacate(int seat) {
        vacated.add(seats.remove(seat));
    }

    private void startHand(HandStart e) {
        checkNoHandInPlay();
        List<Seat> dealt = canPayTheBoot();
        check(dealt.size() >= 2, "a hand needs two players with at least the boot of %d chips, and %d %s",
                config.boot(), dealt.size(), dealt.size() == 1 ? "has it" : "have it");
        int previousDealer = hand == null ? 0 : hand.dealer();
        hands++;
        hand = new HandPlay(this, hands, e, dealt, previousDealer);
    }

    // ---- what the hand needs of the table

    @Override
    public TableConfig config() {
        return config;
    }

    @Override
    public Seat seat(int seat) {
        return seats.get(seat);
    }

    @Override
    public Seat seated(String playerId) {
        return seats.values().stream()
                .filter(s -> s.playerId().equals(playerId))
                .findFirst()
                .orElseThrow(() -> new IllegalAction(playerId + " is not at table " + tableId));
    }

    @Override
    public void addChips(int seat, long chips) {
        Seat s = seats.get(seat);
        seats.put(seat, s.withChips(s.chips() + chips));
    }

    // ---- questions the views ask too, while a hand is being played

    boolean handInPlay() {
        return hand != null && !hand.over();
    }

    List<HandPlayer> inPlay() {
        return hand.inPlay();
    }

    boolean mustSee(HandPlayer p) {
        return hand.mustSee(p);
    }

    int previousInPlayBefore(int seat) {
        return hand.previousInPlayBefore(seat);
    }

    // ---- checks

    /** The hand being played, for a move within it; refuses the move when no hand is. */
    private HandPlay playing() {
        check(handInPlay(),
                hand != null ? "hand %d is over and no hand is being played" : "no hand has started yet", handNumber());
        return hand;
    }

    private void checkNoHandInPlay() {
        check(!handInPlay(), "hand %d is still being played", handNumber());
    }

    /** The latest hand's number, for reasons; 0 before the first hand. */
    private int handNumber() {
        return hand == null ? 0 : hand.number();
    }
}
