package dev.scoreline.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.entity.Message;
import dev.scoreline.market.Ball;
import dev.scoreline.market.BettingTerms;
import dev.scoreline.market.Market;
import dev.scoreline.market.MarketBet;
import dev.scoreline.market.Markets;
import dev.scoreline.market.MarketsView;
import dev.scoreline.market.Play;
import dev.scoreline.market.Pool;
import dev.scoreline.match.event.BetPlace;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.DeliveryUndo;
import dev.scoreline.match.event.InningsEnd;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.InningsStart.Target;
import dev.scoreline.match.event.InningsTarget;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.match.event.PenaltyRuns;
import dev.scoreline.topic.Topic;
import dev.scoreline.wallet.event.BetRefused;
import dev.scoreline.wallet.event.BetSettled;
import dev.scoreline.wallet.event.BetTaken;
import dev.scoreline.wallet.event.BetUnsettled;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The cricket scorer: folds a match's events into its {@link MatchState} and shows it as the
 * public {@code match:<id>} view ({@link MatchView}).
 *
 * <p>Rules a feed should know:
 *
 * <ul>
 *   <li>The first event of a match is its match.start, and there is only one.
 *   <li>Every batter, non-striker, dismissed player and bowler must be one of the players the
 *       match.start lists for the batting or fielding side (the XI plus any impact player or
 *       concussion replacement, as Cricsheet lists them). Fielders are not checked: substitute
 *       fielders are not in the XI.
 *   <li>An innings ends by itself when the side is all out, its overs are bowled or its target is
 *       reached. The feed is the authority on what was bowled: a further ball of that innings
 *       reopens it (a record that goes on after its target was passed), until the feed's
 *       innings.end closes it. An innings.end without a reason closes an innings in play as all out
 *       (a player absent hurt); {@code declared} and {@code forfeited} are the other reasons.
 *   <li>A target comes from the earlier innings, from the innings.start, or from an innings.target
 *       that revises it at any point of the latest innings (a rain rule's par, also after the
 *       balls ended the chase): the result follows the last revision. Penalty runs awarded
 *       outside a delivery (penalty.runs) go to the latest innings the feed has not closed.
 *   <li>The result is what the balls decide, as soon as they decide it (a tie waits for a super
 *       over or the match.end). The match.end closes the match with the officials' decision: it
 *       stands where they name a method (D/L, VJD, Awarded, boundary count...) or where the balls
 *       cannot decide (no result, a stopped chase, a tie-break); where it contradicts the balls it
 *       stands too, and the result carries the balls' verdict as {@code overruled} ({@link
 *       #notices} counts it). A match.end without a decision takes the balls' result, a draw for a
 *       match without an overs limit, or no result. A match.end is never refused for its result.
 *   <li>A delivery.undo retracts the last delivery when nothing but deliveries followed it: the
 *       history is folded again without it. An innings the ball ended by itself reopens (and so does
 *       a match the ball completed); once an innings.end, innings.start or match.end followed the
 *       ball, the undo is refused. Successive undos retract successive balls. The history must hold
 *       every accepted event of the match, undos included.
 *   <li>The striker and non-striker of the view are those of the last ball (absent when out on it):
 *       the feed, not the scorer, says who faces next.
 *   <li>Bets ({@link BetPlace}, from the players' wallets) are taken when their market is open at
 *       that point of the log, and paid when the balls decide it ({@link Markets}); a correction
 *       takes back what the undone ball paid. Bets are no part of the history an undo folds again.
 * </ul>
 */
public final class Scorer implements EntityRules<MatchState, MatchEvent> {

    /** Cricket fields eleven: impact-player rules list a twelfth name, but only eleven bat. */
    private static final int MOST_WHO_BAT = 11;

    private static final int SUPER_OVER_WICKETS = 2;

    /** The notice counted when the officials' decision contradicts the balls'. */
    public static final String OFFICIALS_OVERRULED_BALLS = "officialsOverruledBalls";

    private final BettingTerms terms;

    public Scorer() {
        this(BettingTerms.DEFAULT);
    }

    public Scorer(BettingTerms terms) {
        this.terms = terms;
    }

    @Override
    public Channel.Kind kind() {
        return Channel.Kind.MATCH;
    }


    @Override
    public boolean keepsHistory() {
        return true;
    }

    /** Bets are decided by the balls around them, never folded again by an undo. */
    @Override
    public boolean keepsInHistory(MatchEvent event) {
        return !(event instanceof BetPlace);
    }

    @Override
    public boolean isFinished(MatchState state) {
        return state != null && state.completed();
    }

    /** A match holding undecided bets holds chips that are nobody else's yet. */
    @Override
    public boolean mayForget(MatchState state) {
        return !state.markets().holdsBets();
    }

    @Override
    public List<String> notices(MatchState before, MatchState after) {
        boolean overruled = after.result() != null && after.result().overruled() != null
                && (before == null || before.result() == null || before.result().overruled() == null);
        return overruled ? List.of(OFFICIALS_OVERRULED_BALLS) : List.of();
    }

    @Override
    public Map<Channel, JsonNode> views(MatchState state) {
        return Map.of(Channel.match(state.matchId()), MatchView.of(state),
                Channel.markets(state.matchId()), MarketsView.of(state.markets(), play(state)));
    }

    @Override
    public Map<Channel, JsonNode> views(MatchState state, MatchState previousState,
            Map<Channel, JsonNode> previousViews) {
        Channel channel = Channel.match(state.matchId());
        JsonNode previous = previousViews.get(channel);
        if (previousState == null || previous == null) {
            return views(state);
        }
        boolean sameScore = state.innings() == previousState.innings() && state.result() == previousState.result()
                && state.ended() == previousState.ended();
        return Map.of(channel, sameScore ? previous : MatchView.of(state, previousState, previous),
                Channel.markets(state.matchId()), MarketsView.of(state.markets(), play(state)));
    }

    /** What the markets need to know of the match as it stands. */
    static Play play(MatchState s) {
        Innings last = s.lastInnings();
        boolean decided = s.completed() || s.ended();
        return new Play(s.innings().size(), last != null && last.inPlay() && !decided, decided,
                s.result() == null ? null : s.result().winner(), s.result() == null ? null : s.result().toString(),
                s.teams(), nextBall(s));
    }

    private static String nextBall(MatchState s) {
        Innings last = s.lastInnings();
        Over over = last == null ? null : last.over();
        if (over == null) {
            return "0.1";
        }
        return over.isFull(s.ballsPerOver()) ? (over.number() + 1) + ".1" : over.number() + "." + (over.legalBalls() + 1);
    }

    /**
     * Folds a whole match, as the job would, event by event.
     *
     * @throws EventRejectedException with the reason, at the first event the rules refuse
     */
    public static MatchState fold(List<? extends MatchEvent> events) {
        return foldAccepting(events, refused -> {
            throw refused;
        });
    }

    /**
     * Folds a whole match as the job does: an event the rules refuse is reported and left out, and
     * the fold goes on. Null when no event was accepted.
     */
    public static MatchState foldAccepting(List<? extends MatchEvent> events, Consumer<EventRejectedException> refused) {
        Scorer scorer = new Scorer();
        List<MatchEvent> accepted = new ArrayList<>(events.size());
        MatchState state = null;
        for (MatchEvent event : events) {
            Decision<MatchState> decision = scorer.apply(state, event, () -> accepted);
            if (decision instanceof Decision.Rejected<MatchState> rejected) {
                refused.accept(new EventRejectedException(event, accepted.size(), rejected.reason()));
                continue;
            }
            state = ((Decision.Accepted<MatchState>) decision).state();
            accepted.add(event);
        }
        return state;
    }

    @Override
    public Decision<MatchState> apply(MatchState state, MatchEvent event, Supplier<List<MatchEvent>> history) {
        if (state == null && !(event instanceof MatchStart)) {
            return Decision.reject("no match " + event.matchId() + " has started");
        }
        if (state != null && !state.matchId().equals(event.matchId())) {
            return Decision.reject("the event is for match " + event.matchId() + ", not " + state.matchId());
        }
        if (event instanceof MatchStart start) {
            return start(state, start);
        }
        if (event instanceof BetPlace bet) {
            return place(state, bet);
        }
        Decision<MatchState> decision = score(state, event, history);
        if (decision instanceof Decision.Accepted<MatchState> accepted) {
            MatchState next = accepted.state();
            Markets markets = event instanceof DeliveryUndo ? state.markets().undone() : state.markets();
            if (event instanceof Delivery d) {
                markets = markets.bowled(next.innings().size(), ball(d, next));
            } else if (event instanceof InningsStart) {
                markets = markets.inningsStarted(next.innings().size());
            }
            boolean beyondCorrection = event instanceof InningsStart || event instanceof InningsEnd
                    || event instanceof MatchEnd;
            return Decision.accept(next.withMarkets(markets.after(play(next), event.eventTime(), beyondCorrection,
                    terms)));
        }
        return decision;
    }

    private Decision<MatchState> place(MatchState state, BetPlace bet) {
        if (bet.playerId() == null || !Channel.isIdentifier(bet.playerId())) {
            return Decision.reject("a bet names its player, not '" + bet.playerId() + "'");
        }
        if (bet.market() == null || bet.outcome() == null || bet.eventTime() == null) {
            return Decision.reject("a bet names its market, its outcome and its time");
        }
        if (state.ended()) {
            return Decision.reject("match " + state.matchId() + " has ended (" + state.result() + ")");
        }
        MarketBet placed = new MarketBet(bet.eventId(), bet.playerId(), bet.outcome(), bet.stake(), bet.eventTime());
        String refusal = state.markets().refusal(placed, bet.market(), play(state), terms);
        if (refusal != null) {
            return Decision.reject(refusal);
        }
        return Decision.accept(state.withMarkets(state.markets().place(placed, bet.market())));
    }

    /** The delivery as the markets see it, named from the over it left behind ({@code next}'s). */
    private static Ball ball(Delivery d, MatchState next) {
        Over over = next.lastInnings().over();
        boolean legal = d.extras().wides() == 0 && d.extras().noballs() == 0;
        int legalBalls = over == null ? 0 : over.legalBalls();
        return new Ball(d.over(), d.runs().total(), Ball.outcomeOf(d), d.over() + "." + (legal ? legalBalls : legalBalls + 1),
                d.eventTime());
    }

    private static Decision<MatchState> score(MatchState state, MatchEvent event, Supplier<List<MatchEvent>> history) {
        if (event instanceof DeliveryUndo) {
            return undo(state, history.get());
        }
        if (state.ended()) {
            return Decision.reject("match " + state.matchId() + " has ended (" + state.result() + ")");
        }
        if (event instanceof Delivery delivery) {
            return deliver(state, delivery);
        }
        if (event instanceof InningsStart start) {
            return startInnings(state, start);
        }
        if (event instanceof InningsTarget revision) {
            return reviseTarget(state, revision);
        }
        if (event instanceof PenaltyRuns penalty) {
            return awardPenalty(state, penalty);
        }
        if (event instanceof InningsEnd end) {
            return endInnings(state, end);
        }
        return endMatch(state, (MatchEnd) event);
    }

    private static Decision<MatchState> start(MatchState state, MatchStart e) {
        if (state != null) {
            return Decision.reject("match " + e.matchId() + " has already started");
        }
        if (e.matchId() == null) {
            return Decision.reject("a match.start names its match");
        }
        List<String> teams = e.teams();
        if (teams == null || teams.size() != 2 || teams.get(0).equals(teams.get(1))) {
            return Decision.reject("a match needs two different teams, not " + teams);
        }
        for (String team : teams) {
            List<String> players = e.players() == null ? null : e.players().get(team);
            if (players == null || players.size() < 2 || new HashSet<>(players).size() != players.size()) {
                return Decision.reject("the players of " + team + " must be listed, at least two, each once: "
                        + players);
            }
        }
        if (e.ballsPerOver() < 1 || (e.overs() != null && e.overs() < 1)) {
            return Decision.reject("an innings needs at least one over of at least one ball, not "
                    + e.overs() + " overs of " + e.ballsPerOver());
        }
        return Decision.accept(new MatchState(e.matchId(), teams, e.players(), e.overs(), e.ballsPerOver(), e.venue(),
                e.toss(), List.of(), null, false, Markets.none()));
    }

    private static Decision<MatchState> startInnings(MatchState s, InningsStart e) {
        if (s.completed()) {
            return Decision.reject("match " + s.matchId() + " is completed: " + s.result());
        }
        Innings last = s.lastInnings();
        if (last != null && last.inPlay()) {
            return Decision.reject("innings " + s.innings().size() + " of " + last.team() + " is still in play");
        }
        if (e.battingTeam() == null || !s.teams().contains(e.battingTeam())) {
            return Decision.reject(e.battingTeam() + " is not playing in match " + s.matchId() + " " + s.teams());
        }
        List<Innings> regular = s.innings().stream().filter(i -> !i.superOver()).toList();
        List<Innings> superOvers = s.innings().stream().filter(Innings::superOver).toList();
        int number = s.innings().size() + 1;
        Target chase;
        Integer overLimit;
        int extraBalls = 0;
        int allOutAt;
        if (!e.superOver()) {
            int most = s.overs() == null ? 4 : 2;
            if (!superOvers.isEmpty() || regular.size() >= most) {
                return Decision.reject("match " + s.matchId() + " has had its " + regular.size() + " innings"
                        + (superOvers.isEmpty() ? "" : " and super overs") + ": only a super over can follow a tie");
            }
            if (s.overs() != null && regular.size() == 1 && regular.get(0).team().equals(e.battingTeam())) {
                return Decision.reject(e.battingTeam() + " batted in innings 1: innings 2 is "
                        + s.otherTeam(e.battingTeam()) + "'s");
            }
            chase = regularTarget(s, regular, e.battingTeam());
            overLimit = s.overs();
            allOutAt = Math.min(s.players().get(e.battingTeam()).size(), MOST_WHO_BAT) - 1;
        } else {
            if (superOvers.size() % 2 == 0 && !ResultRules.judge(s).tied()) {
                return Decision.reject("a super over follows only a tie, and match " + s.matchId() + " is not tied");
            }
            if (superOvers.size() % 2 == 1 && last.team().equals(e.battingTeam())) {
                return Decision.reject(e.battingTeam() + " has just batted its super over: "
                        + s.otherTeam(e.battingTeam()) + " bats next");
            }
            chase = superOvers.size() % 2 == 1 ? new Target(last.runs() + 1, 1) : null;
            overLimit = 1;
            allOutAt = SUPER_OVER_WICKETS;
        }
        Target target = chase;
        if (e.target() != null) {
            if (chase == null) {
                return Decision.reject("innings " + number + " has nothing to chase: a target is set only for the"
                        + " side batting last");
            }
            String problem = problemWith(s, e.target());
            if (problem != null) {
                return Decision.reject(problem);
            }
            target = e.target();
            if (target.overs() != null) {
                overLimit = target.overs();
                extraBalls = target.balls() == null ? 0 : target.balls();
            }
        }
        List<Innings> innings = new ArrayList<>(s.innings());
        innings.add(Innings.starting(e.battingTeam(), e.superOver(), target, overLimit, extraBalls, allOutAt));
        return Decision.accept(s.withInnings(innings, null));
    }

    private static String problemWith(MatchState s, Target target) {
        Integer balls = target.legalBalls(s.ballsPerOver());
        if (target.runs() < 1 || (balls != null && balls < 1)) {
            return "a target needs at least one run and one ball, not " + target;
        }
        if (target.balls() != null && target.balls() >= s.ballsPerOver()) {
            return "a target's balls beyond its whole overs make less than an over of " + s.ballsPerOver()
                    + ", not " + target.balls();
        }
        return null;
    }

    private static Decision<MatchState> reviseTarget(MatchState s, InningsTarget e) {
        Innings inn = s.lastInnings();
        if (inn == null) {
            return Decision.reject("no innings of match " + s.matchId() + " has started");
        }
        if (inn.target() == null) {
            return Decision.reject("innings " + s.innings().size() + " of " + inn.team()
                    + " chases nothing: only the side batting last has a target");
        }
        String problem = problemWith(s, e.target());
        if (problem != null) {
            return Decision.reject(problem);
        }
        return Decision.accept(decided(s.withLastInnings(inn.chasing(e.target()).settled(s.ballsPerOver()))));
    }

    private static Decision<MatchState> awardPenalty(MatchState s, PenaltyRuns e) {
        String closed = notOpen(s);
        if (closed != null) {
            return Decision.reject(closed + ": penalty runs go to the latest innings before the feed closes it");
        }
        if (e.runs() < 1) {
            return Decision.reject("penalty runs are at least one, not " + e.runs());
        }
        Innings inn = s.lastInnings().withPenalty(e.runs()).settled(s.ballsPerOver());
        return Decision.accept(decided(s.withLastInnings(inn)));
    }

    /**
     * Why the latest innings takes no more balls or runs (none has started, or the feed closed it),
     * null when it does: one the balls ended by themselves reopens.
     */
    private static String notOpen(MatchState s) {
        Innings inn = s.lastInnings();
        if (inn == null) {
            return "no innings of match " + s.matchId() + " has started";
        }
        return inn.closed() ? "innings " + s.innings().size() + " of " + inn.team() + " has ended (" + inn.ended() + ")"
                : null;
    }

    /** The derived target of a regular innings: the side batting last needs one run more than its deficit. */
    private static Target regularTarget(MatchState s, List<Innings> regular, String battingTeam) {
        boolean battingLast = s.overs() != null ? regular.size() == 1 : regular.size() == 3;
        if (!battingLast) {
            return null;
        }
        int needed = ResultRules.aggregate(regular, s.otherTeam(battingTeam))
                - ResultRules.aggregate(regular, battingTeam) + 1;
        return needed > 0 ? new Target(needed, s.overs()) : null;
    }

    private static Decision<MatchState> deliver(MatchState s, Delivery d) {
        String closed = notOpen(s);
        if (closed != null) {
            return Decision.reject(closed);
        }
        Innings inn = s.lastInnings();
        String problem = problemWith(s, inn, d);
        if (problem != null) {
            return Decision.reject(problem);
        }
        Innings next = DeliveryScoring.score(inn, d, s.ballsPerOver()).settled(s.ballsPerOver());
        return Decision.accept(decided(s.withLastInnings(next)));
    }

    /**
     * The state with the result the balls decide now: a later ball, target or penalty may change
     * it. While the latest innings is in play nothing is decided yet, which spares most balls the
     * judging.
     */
    private static MatchState decided(MatchState s) {
        Innings last = s.lastInnings();
        Result result = last != null && last.inPlay() ? null : ResultRules.judge(s).result();
        return s.withInnings(s.innings(), result);
    }

    private static String problemWith(MatchState s, Innings inn, Delivery d) {
        Delivery.Runs r = d.runs();
        Delivery.Extras x = d.extras();
        if (r == null) {
            return "the delivery has no runs";
        }
        if (r.batter() < 0 || r.extras() < 0 || x.wides() < 0 || x.noballs() < 0 || x.byes() < 0
                || x.legbyes() < 0 || x.penalty() < 0) {
            return "runs cannot be negative: " + r + " " + x;
        }
        if (r.total() != r.batter() + r.extras()
                || r.extras() != x.wides() + x.noballs() + x.byes() + x.legbyes() + x.penalty()) {
            return "the runs do not add up: " + r + " with " + x;
        }
        if (x.wides() > 0 && (x.noballs() > 0 || r.batter() > 0)) {
            return "a wide is neither a no-ball nor hit: " + r + " with " + x;
        }
        if (x.byes() > 0 && x.legbyes() > 0) {
            return "byes and leg byes on one ball: " + x;
        }
        if (d.over() < 0 || (inn.over() != null && d.over() < inn.over().number())) {
            return "over " + d.over() + " cannot follow over " + (inn.over() == null ? "none" : inn.over().number());
        }
        if (d.batter() == null || d.nonStriker() == null || d.bowler() == null) {
            return "a delivery names its batter, non-striker and bowler";
        }
        if (d.batter().equals(d.nonStriker())) {
            return d.batter() + " cannot be both batter and non-striker";
        }
        List<String> batting = s.players().get(inn.team());
        String fielding = s.otherTeam(inn.team());
        for (String name : List.of(d.batter(), d.nonStriker())) {
            if (!batting.contains(name)) {
                return name + " is not a player of " + inn.team();
            }
            Batter b = batter(inn, name);
            if (b != null && b.dismissed()) {
                return name + " is already out (" + b.out() + ")";
            }
        }
        if (!s.players().get(fielding).contains(d.bowler())) {
            return d.bowler() + " is not a player of " + fielding;
        }
        Set<String> outOnThisBall = new HashSet<>();
        for (Delivery.Wicket w : d.wickets()) {
            if (Dismissal.of(w.kind()) == null) {
                return "no batter is out '" + w.kind() + "': the kinds are " + Dismissal.kinds();
            }
            if (w.playerOut() == null || !batting.contains(w.playerOut())) {
                return "the player out, " + w.playerOut() + ", is not a player of " + inn.team();
            }
            Batter b = batter(inn, w.playerOut());
            if ((b != null && b.dismissed()) || !outOnThisBall.add(w.playerOut())) {
                return w.playerOut() + " is already out";
            }
        }
        return null;
    }

    private static Batter batter(Innings inn, String name) {
        for (Batter b : inn.batters()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    private static Decision<MatchState> endInnings(MatchState s, InningsEnd e) {
        Innings inn = s.lastInnings();
        if (inn == null) {
            return Decision.reject("no innings of match " + s.matchId() + " has started");
        }
        if (inn.closed()) {
            return Decision.reject("innings " + s.innings().size() + " of " + inn.team() + " has already ended");
        }
        String reason = e.reason() == null ? Innings.ALL_OUT : e.reason();
        if (!reason.equals(Innings.ALL_OUT) && !reason.equals("declared") && !reason.equals("forfeited")) {
            return Decision.reject("an innings ends 'declared', 'forfeited' or without a reason, not '" + reason + "'");
        }
        Innings closed = inn.ending(inn.inPlay() ? reason : inn.ended(), true);
        return Decision.accept(decided(s.withLastInnings(closed)));
    }

    /**
     * Closes the match with the officials' decision. An innings still in play was stopped where the
     * officials say the match had no result, was drawn or was decided by a method, and where the
     * match has no overs limit (time ran out); otherwise it ended short of its balls and wickets,
     * so its side was all out.
     */
    private static Decision<MatchState> endMatch(MatchState s, MatchEnd e) {
        if (e.by() != null && e.winner() == null) {
            return Decision.reject("a margin needs the winner it is the margin of: " + e.by());
        }
        if (e.winner() != null && !s.teams().contains(e.winner())) {
            return Decision.reject(e.winner() + " is not playing in match " + s.matchId() + " " + s.teams());
        }
        boolean stopped = MatchEnd.NO_RESULT.equals(e.outcome()) || MatchEnd.DRAW.equals(e.outcome())
                || e.method() != null || s.overs() == null;
        Innings last = s.lastInnings();
        MatchState closed = last == null || last.closed() ? s
                : s.withLastInnings(last.ending(last.inPlay() ? (stopped ? Innings.STOPPED : Innings.ALL_OUT)
                        : last.ended(), true));
        Result balls = ResultRules.atEnd(closed);
        Result officials = Result.announced(e);
        Result result;
        if (officials == null) {
            Result decided = balls != null ? balls : Result.noResult();
            result = e.method() == null ? decided : decided.withMethod(e.method());
        } else if (officials.method() != null || balls == null) {
            result = officials;
        } else if (Result.TIE.equals(balls.result()) && balls.winner() == null && Result.TIE.equals(officials.result())) {
            result = officials;
        } else if (balls.agreesWith(officials)) {
            result = balls;
        } else {
            result = officials.overruling(balls);
        }
        return Decision.accept(closed.endedWith(result));
    }

    private static Decision<MatchState> undo(MatchState s, List<MatchEvent> history) {
        List<MatchEvent> standing = new ArrayList<>(history.size());
        for (MatchEvent e : history) {
            if (e instanceof BetPlace) {
                continue;
            }
            if (e instanceof DeliveryUndo) {
                if (!standing.isEmpty()) {
                    standing.remove(standing.size() - 1);
                }
            } else {
                standing.add(e);
            }
        }
        if (standing.stream().noneMatch(Delivery.class::isInstance)) {
            return Decision.reject("nothing to undo: no delivery of match " + s.matchId() + " stands");
        }
        MatchEvent last = standing.remove(standing.size() - 1);
        if (!(last instanceof Delivery)) {
            return Decision.reject("the last delivery was followed by " + last.type() + " (" + last.eventId()
                    + "): an undo retracts only a delivery that nothing else has followed");
        }
        Scorer scorer = new Scorer();
        MatchState state = null;
        for (MatchEvent e : standing) {
            Decision<MatchState> decision = scorer.apply(state, e, List::of);
            if (decision instanceof Decision.Rejected<MatchState> rejected) {
                return Decision.reject("the history does not fold again without the last delivery: "
                        + rejected.reason());
            }
            state = ((Decision.Accepted<MatchState>) decision).state();
        }
        return Decision.accept(state);
    }

    /**
     * The match's new line for the ticker, when the event changed it; for a bet taken, the wallet's
     * word that its stake is the match's now; for every market the event decided or undecided, each
     * bettor's payout or the payout taken back.
     */
    @Override
    public List<Message> messages(MatchEvent event, MatchState before, MatchState after, long version) {
        if (event instanceof BetPlace bet) {
            return List.of(new Message(Topic.WALLET_EVENTS, new BetTaken(bet.eventId() + ":taken", bet.playerId(),
                    bet.eventTime(), bet.matchId(), bet.eventId(), bet.stake())));
        }
        List<Message> sent = new ArrayList<>(TickerLine.messages(event, before, after, version));
        if (before == null) {
            return sent;
        }
        Map<String, Market> was = before.markets().byName();
        Map<String, Market> now = after.markets().byName();
        for (Map.Entry<String, Market> entry : now.entrySet()) {
            Market.Settlement previous = was.containsKey(entry.getKey()) ? was.get(entry.getKey()).settled() : null;
            Market.Settlement current = entry.getValue().settled();
            if (previous != null && (current == null || current.round() != previous.round())) {
                for (Pool.Share share : was.get(entry.getKey()).division(previous).shares()) {
                    MarketBet b = share.bet();
                    sent.add(new Message(Topic.WALLET_EVENTS, new BetUnsettled(b.id() + ":unsettled:" + previous.round(),
                            b.playerId(), event.eventTime(), after.matchId(), b.id(), previous.round(), entry.getKey(), b.stake(),
                            share.payout())));
                }
            }
            if (current != null && (previous == null || current.round() != previous.round())) {
                for (Pool.Share share : entry.getValue().division(current).shares()) {
                    MarketBet b = share.bet();
                    sent.add(new Message(Topic.WALLET_EVENTS, new BetSettled(b.id() + ":settled:" + current.round(),
                            b.playerId(), event.eventTime(), after.matchId(), b.id(), current.round(), entry.getKey(),
                            current.outcome(), share.result(), b.stake(), share.payout(), share.why())));
                }
            }
        }
        return sent;
    }

    /** The wallet that reserved a refused bet's stake releases it. */
    @Override
    public List<Message> refusalMessages(MatchEvent event, String reason) {
        if (event instanceof BetPlace bet && bet.playerId() != null && Channel.isIdentifier(bet.playerId())) {
            return List.of(new Message(Topic.WALLET_EVENTS, new BetRefused(bet.eventId() + ":refused", bet.playerId(),
                    bet.eventTime(), bet.matchId(), bet.eventId(), reason)));
        }
        return List.of();
    }
}
