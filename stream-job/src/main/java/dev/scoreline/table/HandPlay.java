package dev.scoreline.table;

import static dev.scoreline.table.IllegalAction.check;

import dev.scoreline.table.HandAction.Move;
import dev.scoreline.table.HandResult.End;
import dev.scoreline.table.event.Bet;
import dev.scoreline.table.event.CardsSee;
import dev.scoreline.table.event.HandStart;
import dev.scoreline.table.event.Pack;
import dev.scoreline.table.event.PlayerEvent;
import dev.scoreline.table.event.Show;
import dev.scoreline.table.event.SideShowAnswer;
import dev.scoreline.table.event.SideShowRequest;
import dev.scoreline.table.event.TableConfig;
import dev.scoreline.table.event.TableEvent;
import dev.scoreline.table.event.TurnTimeout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The working copy of the table's latest hand, part of a {@link TablePlay}: the deal, the pot and
 * the stake, whose move it is and until when, the action log and the result, and every move of
 * the hand (seeing, betting, packing, shows, side shows, time-outs, a player leaving mid-hand, the
 * forced show and the payout). It is split from the table because a hand lives by rules of its own
 * (turn order, stakes, who may act) that need nothing of the table but its configuration and the
 * chips on its seats, which outlast the hand; {@link Table} names exactly that, so the hand cannot
 * reach anything else.
 *
 * <p>Each move keeps the table's discipline: it checks everything it needs and throws
 * {@link IllegalAction} before it changes anything, in the hand or on the seats; a rejection lets
 * the rules throw away the whole {@link TablePlay}, this copy with it. The table makes sure a hand
 * is in play before it passes a move on, so the moves here never meet a hand that is over.
 */
final class HandPlay {

    /** What a hand needs of the table it is played at. */
    interface Table {

        TableConfig config();

        /** The seat numbered {@code seat}, or null when it is free. */
        Seat seat(int seat);

        /** The seat of {@code playerId}; refuses the event when they are not at the table. */
        Seat seated(String playerId);

        /** Gives the player at {@code seat} that many more chips (fewer when negative). */
        void addChips(int seat, long chips);
    }

    private final Table table;
    private final int number;
    private final long seed;
    private final int dealer;
    private final TreeMap<Integer, HandPlayer> players = new TreeMap<>();
    private long pot;
    private long stake;
    private int turn;
    private int turnNumber;
    private Instant turnStarted;
    private SideShow sideShow;
    private final List<HandAction> log = new ArrayList<>();
    private HandResult result;

    HandPlay(Table table, Hand hand) {
        this.table = table;
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

    /**
     * Deals hand {@code number} to the {@code dealt} seats, taking the boot from each; the dealer
     * moves on from {@code previousDealer} (0 before the first hand).
     */
    HandPlay(Table table, int number, HandStart e, List<Seat> dealt, int previousDealer) {
        this.table = table;
        this.number = number;
        seed = e.seed();
        long boot = table.config().boot();
        List<List<Card>> cards = Deck.deal(seed, dealt.size());
        for (int k = 0; k < dealt.size(); k++) {
            Seat s = dealt.get(k);
            table.addChips(s.seat(), -boot);
            players.put(s.seat(), new HandPlayer(s.seat(), s.playerId(), cards.get(k), false, false, 0, boot, List.of()));
        }
        dealer = nextInPlayAfter(previousDealer);
        pot = boot * dealt.size();
        stake = boot;
        turn = nextInPlayAfter(dealer);
        turnNumber = 1;
        turnStarted = e.eventTime();
    }

    Hand state() {
        return new Hand(number, seed, dealer, List.copyOf(players.values()), pot, stake, turn, turnNumber,
                turnStarted, sideShow, log, result);
    }

    int number() {
        return number;
    }

    int dealer() {
        return dealer;
    }

    boolean over() {
        return result != null;
    }

    /** When the hand ended: the time of the move that ended it, which every ending logs last. */
    Instant endedAt() {
        return log.get(log.size() - 1).time();
    }

    /** The player dealt in at {@code seat}, or null. */
    HandPlayer player(int seat) {
        return players.get(seat);
    }

    /** The player {@code playerId} if they were dealt in, or null. */
    HandPlayer playerOf(String playerId) {
        return players.values().stream().filter(p -> p.playerId().equals(playerId)).findFirst().orElse(null);
    }

    /**
     * Applies the time-outs that fell due at or before the event's time, one turn after another,
     * so the outcome is the same whether the job's timer fired first or this event came first. The
     * event that is itself the time-out of the current turn is left to {@link #timeOut}.
     */
    void timeOutsDueBy(TableEvent event) {
        while (!over()) {
            Instant due = deadline();
            boolean timeoutOfThisTurn =
                    event instanceof TurnTimeout t && t.hand() == number && t.turn() == turnNumber;
            if (event.eventTime().isBefore(due) || timeoutOfThisTurn) {
                return;
            }
            expire(due);
        }
    }

    // ---- moves

    void see(CardsSee e) {
        HandPlayer p = dealt(e);
        check(!p.seen(), "%s has already seen their cards", p.playerId());
        players.put(p.seat(), p.seeing());
        record(p, Move.SEE, null, e.eventTime());
    }

    void bet(Bet e) {
        HandPlayer p = onTurn(e);
        checkMaySkipSeeing(p, "bet");
        Stakes.Range range = Stakes.bet(table.config(), stake, p.seen());
        String kind = p.seen() ? "chaal" : "blind bet";
        check(e.amount() >= range.min(), "a %s of %d is below the minimum of %d (%s)",
                kind, e.amount(), range.min(), bound(range.min(), p.seen() ? 2 : 1));
        check(e.amount() <= range.max(), "a %s of %d is above the maximum of %d (%s)",
                kind, e.amount(), range.max(), bound(range.max(), p.seen() ? 4 : 2));
        checkChips(p, e.amount(), "a " + kind);
        pay(p, e.amount(), !p.seen());
        stake = Stakes.stakeAfter(stake, e.amount(), p.seen());
        record(p, p.seen() ? Move.CHAAL : Move.BLIND, e.amount(), e.eventTime());
        if (pot >= table.config().potLimit()) {
            forcedShow();
        } else {
            passTurnAfter(p.seat(), e.eventTime());
        }
    }

    private String bound(long amount, int times) {
        return amount == table.config().chaalLimit() && amount != times * stake
                ? "the chaal limit"
                : times + "x the stake of " + stake;
    }

    void pack(Pack e) {
        HandPlayer p = dealt(e);
        check(p.seat() == awaitedSeat(), notTheirMove(p));
        record(p, Move.PACK, null, e.eventTime());
        drop(p.seat(), e.eventTime());
    }

    void show(Show e) {
        HandPlayer p = onTurn(e);
        List<HandPlayer> left = inPlay();
        check(left.size() == 2, "a show needs exactly two players in the hand, and %d are playing", left.size());
        checkMaySkipSeeing(p, "ask for a show");
        long cost = Stakes.show(table.config(), stake, p.seen());
        checkChips(p, cost, "a show");
        pay(p, cost, false);
        record(p, Move.SHOW, cost, e.eventTime());
        HandPlayer asker = players.get(p.seat());
        HandPlayer other = left.get(0).seat() == p.seat() ? left.get(1) : left.get(0);
        HandPlayer winner = asker.rank().beats(other.rank()) ? asker : other;
        finish(End.SHOW, List.of(Math.min(asker.seat(), other.seat()), Math.max(asker.seat(), other.seat())),
                List.of(new Winner(winner.seat(), winner.playerId(), pot)));
    }

    void askSideShow(SideShowRequest e) {
        HandPlayer p = onTurn(e);
        check(p.seen(), "%s has not seen their cards: only a seen player may ask for a side show", p.playerId());
        check(inPlay().size() >= 3, "with two players left, ask for a show, not a side show");
        HandPlayer previous = players.get(previousInPlayBefore(p.seat()));
        check(previous.seen(),
                "the previous player, %s, has not seen their cards, so no side show", previous.playerId());
        long cost = Stakes.sideShow(table.config(), stake);
        checkChips(p, cost, "a side show");
        pay(p, cost, false);
        record(p, Move.SIDESHOW, cost, e.eventTime());
        if (pot >= table.config().potLimit()) {
            forcedShow();
            return;
        }
        sideShow = new SideShow(p.seat(), previous.seat());
        startTurn(e.eventTime());
    }

    void answerSideShow(SideShowAnswer e) {
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
        if (!endIfOneLeft()) {
            passTurnAfter(asker.seat(), e.eventTime());
        }
    }

    void timeOut(TurnTimeout e) {
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

    /** The player at {@code seat} leaves the table: if still in the hand, they pack first. */
    void leave(int seat, Instant at) {
        HandPlayer p = players.get(seat);
        if (p != null && p.inPlay()) {
            record(p, Move.LEAVE, null, at);
            drop(p.seat(), at);
        }
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
        if (endIfOneLeft()) {
            return;
        }
        if (sideShow != null && (seat == sideShow.asker() || seat == sideShow.answerer())) {
            int asker = sideShow.asker();
            sideShow = null;
            passTurnAfter(asker, at);
        } else if (sideShow == null && seat == turn) {
            passTurnAfter(seat, at);
        }
    }

    /** Gives the pot to the last player in play, if only one is; says whether the hand ended. */
    private boolean endIfOneLeft() {
        List<HandPlayer> left = inPlay();
        if (left.size() != 1) {
            return false;
        }
        HandPlayer winner = left.get(0);
        finish(End.OTHERS_PACKED, List.of(), List.of(new Winner(winner.seat(), winner.playerId(), pot)));
        return true;
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
            Seat s = table.seat(w.seat());
            if (s == null || !s.playerId().equals(w.playerId())) {
                throw new IllegalStateException("winner " + w.playerId() + " is not seated at seat " + w.seat());
            }
            table.addChips(w.seat(), w.amount());
        }
        pot = 0;
        sideShow = null;
        result = new HandResult(how, shown, winners);
    }

    private void pay(HandPlayer p, long amount, boolean blindBet) {
        table.addChips(p.seat(), -amount);
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

    // ---- whose move it is, and who is still in

    private int awaitedSeat() {
        return sideShow != null ? sideShow.answerer() : turn;
    }

    private Instant deadline() {
        return turnStarted.plus(table.config().turnTimeout());
    }

    List<HandPlayer> inPlay() {
        return players.values().stream().filter(HandPlayer::inPlay).toList();
    }

    /** A blind player who has made all the blind bets the table allows must see before they bet or ask for a show. */
    boolean mustSee(HandPlayer p) {
        return !p.seen() && p.blindTurns() >= table.config().maxBlindTurns();
    }

    /** The first player in play after {@code seat}, in seat order, going round the table. */
    private int nextInPlayAfter(int seat) {
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

    /** The event's player, dealt into this hand and still in it. */
    private HandPlayer dealt(PlayerEvent e) {
        HandPlayer p = playerOf(e.playerId());
        if (p == null) {
            table.seated(e.playerId());
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
        long chips = table.seat(p.seat()).chips();
        check(amount <= chips, "%s of %d is more than the %d chips %s has", what, amount, chips, p.playerId());
    }
}
