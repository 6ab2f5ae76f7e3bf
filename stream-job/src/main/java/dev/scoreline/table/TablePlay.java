package dev.scoreline.table;

import static dev.scoreline.table.IllegalAction.check;

import dev.scoreline.delta.Channel;
import dev.scoreline.table.HandAction.Move;
import dev.scoreline.table.HandResult.End;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.CardsSee;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerEvent;
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
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A working copy of a table while one event is folded into it. Each move first checks everything
 * it needs and throws {@link IllegalAction} before it changes anything it cannot undo; the rules
 * throw the copy away on a rejection, so the state they hold is never half changed.
 */
final class TablePlay {

    /** The most chips one buy-in or limit may be: far below overflow, however long a table runs. */
    static final long MAX_CHIPS = 1_000_000_000_000L;

    private static final String ID_RULE = "use 1 to 128 of A-Z a-z 0-9 . _ ~ @ + -";

    private final String tableId;
    private final TableConfig config;
    private boolean closed;
    private int hands;
    private final TreeMap<Integer, Seat> seats = new TreeMap<>();

    private boolean hasHand;
    private int number;
    private long seed;
    private int dealer;
    private final TreeMap<Integer, HandPlayer> players = new TreeMap<>();
    private long pot;
    private long stake;
    private int turn;
    private int turnNumber;
    private Instant turnStarted;
    private SideShow sideShow;
    private final List<HandAction> log = new ArrayList<>();
    private HandResult result;

    TablePlay(TableState state) {
        tableId = state.tableId();
        config = state.config();
        closed = state.closed();
        hands = state.hands();
        state.seats().forEach(s -> seats.put(s.seat(), s));
        Hand hand = state.hand();
        hasHand = hand != null;
        if (hasHand) {
            number = hand.number();
            seed = hand.seed();
            dealer = hand.dealer();
            hand.players().forEach(p -> players.put(p.seat(), p));
            pot = hand.pot();
            stake = hand.stake();
            turn = hand.turn();
            turnNumber = hand.turnNumber();
            turnStarted = hand.turnStarted();
            sideShow = hand.sideShow();
            log.addAll(hand.log());
            result = hand.result();
        }
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
        return new TableState(event.tableId(), c, false, List.of(), 0, null);
    }

    TableState state() {
        Hand hand = hasHand
                ? new Hand(number, seed, dealer, List.copyOf(players.values()), pot, stake, turn, turnNumber,
                        turnStarted, sideShow, log, result)
                : null;
        return new TableState(tableId, config, closed, List.copyOf(seats.values()), hands, hand);
    }

    void apply(TableEvent event) {
        timeOutsDueBy(event);
        if (event instanceof PlayerSit e) {
            sit(e);
        } else if (event instanceof PlayerLeave e) {
            leave(e);
        } else if (event instanceof HandStart e) {
            startHand(e);
        } else if (event instanceof CardsSee e) {
            see(e);
        } else if (event instanceof Bet e) {
            bet(e);
        } else if (event instanceof Pack e) {
            pack(e);
        } else if (event instanceof Show e) {
            show(e);
        } else if (event instanceof SideShowRequest e) {
            askSideShow(e);
        } else if (event instanceof SideShowAnswer e) {
            answerSideShow(e);
        } else if (event instanceof TurnTimeout e) {
            timeOut(e);
        } else if (event instanceof TableClose e) {
            close(e);
        } else {
            throw new IllegalAction("table " + tableId + " is already open");
        }
    }

    /**
     * Applies the time-outs that fell due at or before the event's time, one turn after another,
     * so the outcome is the same whether the job's timer fired first or this event came first. The
     * event that is itself the time-out of the current turn is left to {@link #timeOut}.
     */
    private void timeOutsDueBy(TableEvent event) {
        while (handInPlay()) {
            Instant due = deadline();
            boolean timeoutOfThisTurn =
                    event instanceof TurnTimeout t && t.hand() == number && t.turn() == turnNumber;
            if (event.eventTime().isBefore(due) || timeoutOfThisTurn) {
                return;
            }
            expire(due);
        }
    }

    // ---- seats

    private void sit(PlayerSit e) {
        String who = e.playerId();
        check(Channel.isIdentifier(who), "player id '%s' is not valid: %s", who, ID_RULE);
        check(e.seat() >= 1 && e.seat() <= config.seats(),
                "seat %d does not exist: the table has seats 1 to %d", e.seat(), config.seats());
        Seat taken = seats.get(e.seat());
        check(taken == null, "seat %d is taken by %s", e.seat(), taken == null ? "" : taken.playerId());
        HandPlayer leaver = handInPlay() ? players.get(e.seat()) : null;
        check(leaver == null, "seat %d is held by %s until hand %d ends", e.seat(),
                leaver == null ? "" : leaver.playerId(), number);
        Seat already = seats.values().stream().filter(s -> s.playerId().equals(who)).findFirst().orElse(null);
        check(already == null, "%s already sits at seat %d", who, already == null ? 0 : already.seat());
        check(!handInPlay() || playerOf(who) == null,
                "%s left hand %d and may sit again once it ends", who, number);
        check(e.chips() >= config.boot(), "a buy-in of %d is less than the boot of %d", e.chips(), config.boot());
        check(e.chips() <= MAX_CHIPS, "a buy-in of %d is more than a table takes (%d)", e.chips(), MAX_CHIPS);
        seats.put(e.seat(), new Seat(e.seat(), who, e.chips()));
    }

    private void leave(PlayerLeave e) {
        Seat seat = seated(e.playerId());
        HandPlayer p = handInPlay() ? players.get(seat.seat()) : null;
        if (p != null && p.inPlay()) {
            record(p, Move.LEAVE, null, e.eventTime());
            drop(p.seat(), e.eventTime());
        }
        seats.remove(seat.seat());
    }

    private void close(TableClose e) {
        check(!handInPlay(), "hand %d is still being played", number);
        closed = true;
    }

    // ---- a hand

    private void startHand(HandStart e) {
        check(!handInPlay(), "hand %d is still being played", number);
        List<Seat> dealt = seats.values().stream().filter(s -> s.chips() >= config.boot()).toList();
        check(dealt.size() >= 2, "a hand needs two players with at least the boot of %d chips, and %d %s",
                config.boot(), dealt.size(), dealt.size() == 1 ? "has it" : "have it");
        int previousDealer = hasHand ? dealer : 0;
        List<List<Card>> cards = Deck.deal(e.seed(), dealt.size());

        hasHand = true;
        hands++;
        number = hands;
        seed = e.seed();
        players.clear();
        for (int k = 0; k < dealt.size(); k++) {
            Seat s = dealt.get(k);
            seats.put(s.seat(), s.withChips(s.chips() - config.boot()));
            HandPlayer dealtIn =
                    new HandPlayer(s.seat(), s.playerId(), cards.get(k), false, false, 0, config.boot(), List.of());
            players.put(s.seat(), dealtIn);
        }
        dealer = nextInPlayAfter(previousDealer);
        pot = config.boot() * dealt.size();
        stake = config.boot();
        turn = nextInPlayAfter(dealer);
        turnNumber = 1;
        turnStarted = e.eventTime();
        sideShow = null;
        log.clear();
        result = null;
    }

    private void see(CardsSee e) {
        HandPlayer p = dealt(e);
        check(!p.seen(), "%s has already seen their cards", p.playerId());
        players.put(p.seat(), p.seeing());
        record(p, Move.SEE, null, e.eventTime());
    }

    private void bet(Bet e) {
        HandPlayer p = onTurn(e);
        checkMaySkipSeeing(p, "bet");
        Stakes.Range range = Stakes.bet(config, stake, p.seen());
        String kind = p.seen() ? "chaal" : "blind bet";
        check(e.amount() >= range.min(), "a %s of %d is below the minimum of %d (%s)",
                kind, e.amount(), range.min(), bound(range.min(), p.seen() ? 2 : 1));
        check(e.amount() <= range.max(), "a %s of %d is above the maximum of %d (%s)",
                kind, e.amount(), range.max(), bound(range.max(), p.seen() ? 4 : 2));
        checkChips(p, e.amount(), "a " + kind);
        pay(p, e.amount(), !p.seen());
        stake = Stakes.stakeAfter(stake, e.amount(), p.seen());
        record(p, p.seen() ? Move.CHAAL : Move.BLIND, e.amount(), e.eventTime());
        if (pot >= config.potLimit()) {
            forcedShow();
        } else {
            passTurnAfter(p.seat(), e.eventTime());
        }
    }

    private String bound(long amount, int times) {
        return amount == config.chaalLimit() && amount != times * stake
                ? "the chaal limit"
                : times + "x the stake of " + stake;
    }

    private void pack(Pack e) {
        HandPlayer p = dealt(e);
        check(p.seat() == awaitedSeat(), notTheirMove(p));
        record(p, Move.PACK, null, e.eventTime());
        drop(p.seat(), e.eventTime());
    }

    private void show(Show e) {
        HandPlayer p = onTurn(e);
        List<HandPlayer> left = inPlay();
        check(left.size() == 2, "a show needs exactly two players in the hand, and %d are playing", left.size());
        checkMaySkipSeeing(p, "ask for a show");
        long cost = Stakes.show(config, stake, p.seen());
        checkChips(p, cost, "a show");
        pay(p, cost, false);
        record(p, Move.SHOW, cost, e.eventTime());
        HandPlayer asker = players.get(p.seat());
        HandPlayer other = left.get(0).seat() == p.seat() ? left.get(1) : left.get(0);
        HandPlayer winner = asker.rank().beats(other.rank()) ? asker : other;
        finish(End.SHOW, List.of(Math.min(asker.seat(), other.seat()), Math.max(asker.seat(), other.seat())),
                List.of(new Winner(winner.seat(), winner.playerId(), pot)));
    }

    private void askSideShow(SideShowRequest e) {
        HandPlayer p = onTurn(e);
        check(p.seen(), "%s has not seen their cards: only a seen player may ask for a side show", p.playerId());
        check(inPlay().size() >= 3, "with two players left, ask for a show, not a side show");
        HandPlayer previous = players.get(previousInPlayBefore(p.seat()));
        check(previous.seen(),
                "the previous player, %s, has not seen their cards, so no side show", previous.playerId());
        long cost = Stakes.sideShow(config, stake);
        checkChips(p, cost, "a side show");
        pay(p, cost, false);
        record(p, Move.SIDESHOW, cost, e.eventTime());
        if (pot >= config.potLimit()) {
            forcedShow();
            return;
        }
        sideShow = new SideShow(p.seat(), previous.seat());
        startTurn(e.eventTime());
    }

    private void answerSideShow(SideShowAnswer e) {
        requireHand();
        check(sideShow != null, "no side show is waiting for an answer");
        HandPlayer p = dealt(e);
        HandPlayer asker = players.get(sideShow.asker());
        check(p.seat() == sideShow.answerer(), notTheirMove(p));
        sideShow = null;
        if (!e.accept()) {
            record(p, Move.DENY, null, e.eventTime());
            passTurnAfter(asker.seat(), e.eventTime());
            return;
        }
        record(p, Move.ACCEPT, null, e.eventTime());
        players.put(asker.seat(), asker.shownCardsOf(p.seat()));
        players.put(p.seat(), p.shownCardsOf(asker.seat()));
        HandPlayer loser = asker.rank().beats(p.rank()) ? p : asker;
        players.put(loser.seat(), players.get(loser.seat()).packing());
        record(loser, Move.OUTRANKED, null, e.eventTime());
        // Others may have left while the side show waited: the winner can be the last one in play.
        List<HandPlayer> left = inPlay();
        if (left.size() == 1) {
            HandPlayer winner = left.get(0);
            finish(End.OTHERS_PACKED, List.of(), List.of(new Winner(winner.seat(), winner.playerId(), pot)));
            return;
        }
        passTurnAfter(asker.seat(), e.eventTime());
    }

    private void timeOut(TurnTimeout e) {
        requireHand();
        check(e.hand() == number && e.turn() == turnNumber,
                "the time-out of hand %d turn %d is stale: hand %d is at turn %d",
                e.hand(), e.turn(), number, turnNumber);
        HandPlayer awaited = players.get(awaitedSeat());
        check(awaited.playerId().equals(e.playerId()),
                "the time-out names %s, but hand %d waits for %s", e.playerId(), number, awaited.playerId());
        Instant due = deadline();
        check(!e.eventTime().isBefore(due),
                "the time-out at %s comes before the turn's deadline %s", e.eventTime(), due);
        expire(due);
    }

    /** The awaited player ran out of time: they pack, and the next turn starts at the deadline. */
    private void expire(Instant due) {
        HandPlayer p = players.get(awaitedSeat());
        record(p, Move.TIMEOUT, null, due);
        drop(p.seat(), due);
    }

    /** Takes a player out of the hand; ends it when one is left, else moves the turn on if it was theirs. */
    private void drop(int seat, Instant at) {
        players.put(seat, players.get(seat).packing());
        List<HandPlayer> left = inPlay();
        if (left.size() == 1) {
            HandPlayer winner = left.get(0);
            finish(End.OTHERS_PACKED, List.of(), List.of(new Winner(winner.seat(), winner.playerId(), pot)));
        } else if (sideShow != null && (seat == sideShow.asker() || seat == sideShow.answerer())) {
            int asker = sideShow.asker();
            sideShow = null;
            passTurnAfter(asker, at);
        } else if (sideShow == null && seat == turn) {
            passTurnAfter(seat, at);
        }
    }

    /**
     * Shows every hand still in play: the best wins the pot; equal best hands split it, and the
     * chips that do not divide go to the first of them in seat order.
     */
    private void forcedShow() {
        List<HandPlayer> left = inPlay();
        int best = left.stream().mapToInt(p -> p.rank().score()).max().orElseThrow();
        List<HandPlayer> tied = left.stream().filter(p -> p.rank().score() == best).toList();
        long share = pot / tied.size();
        long rest = pot % tied.size();
        List<Winner> winners = new ArrayList<>();
        for (int k = 0; k < tied.size(); k++) {
            HandPlayer w = tied.get(k);
            winners.add(new Winner(w.seat(), w.playerId(), share + (k == 0 ? rest : 0)));
        }
        finish(End.POT_LIMIT, left.stream().map(HandPlayer::seat).toList(), winners);
    }

    private void finish(End how, List<Integer> shown, List<Winner> winners) {
        for (Winner w : winners) {
            Seat s = seats.get(w.seat());
            if (s == null || !s.playerId().equals(w.playerId())) {
                throw new IllegalStateException("winner " + w.playerId() + " is not seated at seat " + w.seat());
            }
            seats.put(s.seat(), s.withChips(s.chips() + w.amount()));
        }
        pot = 0;
        sideShow = null;
        result = new HandResult(how, shown, winners);
    }

    private void pay(HandPlayer p, long amount, boolean blindBet) {
        Seat s = seats.get(p.seat());
        seats.put(s.seat(), s.withChips(s.chips() - amount));
        players.put(p.seat(), p.paying(amount, blindBet));
        pot += amount;
    }

    private void passTurnAfter(int seat, Instant at) {
        turn = nextInPlayAfter(seat);
        startTurn(at);
    }

    /** Turn starts never go back in time, even when a producer's clock does. */
    private void startTurn(Instant at) {
        turnNumber++;
        turnStarted = at.isAfter(turnStarted) ? at : turnStarted;
    }

    private void record(HandPlayer p, Move move, Long amount, Instant at) {
        log.add(new HandAction(p.seat(), p.playerId(), move, amount, at));
    }

    // ---- questions the views ask too

    boolean handInPlay() {
        return hasHand && result == null;
    }

    int awaitedSeat() {
        return sideShow != null ? sideShow.answerer() : turn;
    }

    Instant deadline() {
        return turnStarted.plus(config.turnTimeout());
    }

    List<HandPlayer> inPlay() {
        return players.values().stream().filter(HandPlayer::inPlay).toList();
    }

    /** A blind player who has made all the blind bets the table allows must see before they bet or ask for a show. */
    boolean mustSee(HandPlayer p) {
        return !p.seen() && p.blindTurns() >= config.maxBlindTurns();
    }

    /** The first player in play after {@code seat}, in seat order, going round the table. */
    int nextInPlayAfter(int seat) {
        return firstInPlay(players.tailMap(seat, false), players.headMap(seat, true));
    }

    /** The first player in play before {@code seat}, going back round the table. */
    int previousInPlayBefore(int seat) {
        return firstInPlay(players.headMap(seat, false).descendingMap(), players.tailMap(seat, true).descendingMap());
    }

    private static int firstInPlay(NavigableMap<Integer, HandPlayer> first, NavigableMap<Integer, HandPlayer> then) {
        for (Map<Integer, HandPlayer> part : List.of(first, then)) {
            for (HandPlayer p : part.values()) {
                if (p.inPlay()) {
                    return p.seat();
                }
            }
        }
        throw new IllegalStateException("nobody is in play");
    }

    // ---- checks

    private void requireHand() {
        check(handInPlay(),
                hasHand ? "hand %d is over and no hand is being played" : "no hand has started yet", number);
    }

    private Seat seated(String playerId) {
        return seats.values().stream()
                .filter(s -> s.playerId().equals(playerId))
                .findFirst()
                .orElseThrow(() -> new IllegalAction(playerId + " is not at table " + tableId));
    }

    private HandPlayer playerOf(String playerId) {
        return players.values().stream().filter(p -> p.playerId().equals(playerId)).findFirst().orElse(null);
    }

    /** The event's player, dealt into the hand being played and still in it. */
    private HandPlayer dealt(PlayerEvent e) {
        requireHand();
        HandPlayer p = playerOf(e.playerId());
        if (p == null) {
            seated(e.playerId());
            throw new IllegalAction(e.playerId() + " was not dealt into hand " + number);
        }
        check(p.inPlay(), "%s is out of hand %d", p.playerId(), number);
        return p;
    }

    /** The event's player, whose turn it is to bet, show or ask for a side show. */
    private HandPlayer onTurn(PlayerEvent e) {
        HandPlayer p = dealt(e);
        check(sideShow == null && p.seat() == turn, notTheirMove(p));
        return p;
    }

    private String notTheirMove(HandPlayer p) {
        if (sideShow != null) {
            return "hand " + number + " waits for " + players.get(sideShow.answerer()).playerId() + " to answer "
                    + players.get(sideShow.asker()).playerId() + "'s side show, not for " + p.playerId();
        }
        return "it is " + players.get(turn).playerId() + "'s turn, not " + p.playerId() + "'s";
    }

    private void checkMaySkipSeeing(HandPlayer p, String move) {
        check(!mustSee(p), "%s has made %d blind bets, the most this table allows, and must see their cards to %s",
                p.playerId(), p.blindTurns(), move);
    }

    private void checkChips(HandPlayer p, long amount, String what) {
        long chips = seats.get(p.seat()).chips();
        check(amount <= chips, "%s of %d is more than the %d chips %s has", what, amount, chips, p.playerId());
    }
}
