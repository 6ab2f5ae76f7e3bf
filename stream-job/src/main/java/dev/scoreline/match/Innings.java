package dev.scoreline.match;

import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.InningsStart.Target;
import java.util.List;
import java.util.Objects;

/**
 * One innings as the scorer keeps it.
 *
 * @param target runs to win and within how many overs, null when the innings chases nothing
 * @param overLimit whole overs the innings may last, null when unlimited
 * @param extraBalls legal balls of one more over it may last beyond them (a target of 34.3 overs)
 * @param allOutAt wickets that end the innings: one fewer than the batters who may bat (at most
 *     eleven), two in a super over
 * @param completedOvers overs closed by the feed moving on to another over number
 * @param batters in batting order (position = index + 1)
 * @param bowlers in the order they came on
 * @param striker who faced the last ball, null when out on it
 * @param over the over in play (or the last over of an ended innings), null before the first ball
 * @param ended why the innings ended ({@link #ALL_OUT}, {@link #OVERS}, {@link #TARGET},
 *     {@link #STOPPED}, {@code declared}, {@code forfeited}), null while it is in play. An innings
 *     the feed closes short of its balls and wickets without a declaration was all out (a player
 *     absent hurt); one still in play when the match ends without a result, in a draw or by the
 *     officials' method was stopped
 * @param closed true once the feed itself closed it (innings.end or match.end), which an automatic
 *     end does not do: until then a further ball of the feed's reopens it
 */
public record Innings(
        String team,
        boolean superOver,
        Target target,
        Integer overLimit,
        int extraBalls,
        int allOutAt,
        int runs,
        int wickets,
        int legalBalls,
        int completedOvers,
        Delivery.Extras extras,
        List<Batter> batters,
        List<Bowler> bowlers,
        List<FallOfWicket> fallOfWickets,
        List<Partnership> partnerships,
        String striker,
        String nonStriker,
        String bowler,
        Over over,
        String ended,
        boolean closed) {

    public static final String ALL_OUT = "all out";
    public static final String OVERS = "overs complete";
    public static final String TARGET = "target reached";
    public static final String STOPPED = "stopped";

    public Innings {
        extras = extras == null ? Delivery.Extras.NONE : extras;
        batters = List.copyOf(batters);
        bowlers = List.copyOf(bowlers);
        fallOfWickets = List.copyOf(fallOfWickets);
        partnerships = List.copyOf(partnerships);
    }

    static Innings starting(String team, boolean superOver, Target target, Integer overLimit, int extraBalls,
            int allOutAt) {
        return new Innings(team, superOver, target, overLimit, extraBalls, allOutAt, 0, 0, 0, 0,
                Delivery.Extras.NONE, List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, false);
    }

    public boolean inPlay() {
        return ended == null;
    }

    /** Legal balls the innings may last, null when unlimited. */
    Integer ballLimit(int ballsPerOver) {
        return overLimit == null ? null : overLimit * ballsPerOver + extraBalls;
    }

    /** Legal balls bowled as the feed counts overs: a full over in play counts whole. */
    int ballsBowled(int ballsPerOver) {
        return oversBowled(ballsPerOver) * ballsPerOver
                + (over != null && !over.isFull(ballsPerOver) ? over.legalBalls() : 0);
    }

    /** Whether its overs are used up, counted as the feed counts overs (umpires miscount balls). */
    boolean oversUsedUp(int ballsPerOver) {
        if (overLimit == null) {
            return false;
        }
        if (extraBalls == 0) {
            return oversBowled(ballsPerOver) >= overLimit;
        }
        return completedOvers > overLimit
                || (completedOvers == overLimit && over != null && over.legalBalls() >= extraBalls);
    }

    /** Overs bowled as the feed counts them: a full over in play counts as complete. */
    public int oversBowled(int ballsPerOver) {
        return completedOvers + (over != null && over.isFull(ballsPerOver) ? 1 : 0);
    }

    /** {@code completed overs.legal balls} of the over in play, such as "19.4" or "20.0". */
    public String overs(int ballsPerOver) {
        return DeliveryScoring.oversText(completedOvers, over, ballsPerOver);
    }

    /** Whether the innings ran its full course, so a shortfall against its target is final. */
    boolean isComplete() {
        return ALL_OUT.equals(ended) || OVERS.equals(ended);
    }

    boolean reachedTarget() {
        return target != null && runs >= target.runs();
    }

    Innings ending(String reason, boolean byFeed) {
        return new Innings(team, superOver, target, overLimit, extraBalls, allOutAt, runs, wickets, legalBalls,
                completedOvers, extras, batters, bowlers, fallOfWickets, partnerships, striker, nonStriker, bowler,
                over, reason, byFeed);
    }

    /**
     * The innings as the balls leave it: ended by itself when its target is reached, its side all
     * out or its overs used up, else in play. One the feed closed keeps the feed's end.
     */
    Innings settled(int ballsPerOver) {
        if (closed) {
            return this;
        }
        String end = reachedTarget() ? TARGET
                : wickets >= allOutAt ? ALL_OUT
                : oversUsedUp(ballsPerOver) ? OVERS
                : null;
        return Objects.equals(end, ended) ? this : ending(end, false);
    }

    /** The same innings chasing {@code revised}, within its overs when the revision names them. */
    Innings chasing(Target revised) {
        Integer limit = revised.overs() != null ? revised.overs() : overLimit;
        int extra = revised.overs() != null ? (revised.balls() == null ? 0 : revised.balls()) : extraBalls;
        return new Innings(team, superOver, revised, limit, extra, allOutAt, runs, wickets, legalBalls,
                completedOvers, extras, batters, bowlers, fallOfWickets, partnerships, striker, nonStriker, bowler,
                over, ended, closed);
    }

    /** The same innings with penalty runs awarded outside a delivery. */
    Innings withPenalty(int awarded) {
        Delivery.Extras more = new Delivery.Extras(extras.wides(), extras.noballs(), extras.byes(), extras.legbyes(),
                extras.penalty() + awarded);
        return new Innings(team, superOver, target, overLimit, extraBalls, allOutAt, runs + awarded, wickets,
                legalBalls, completedOvers, more, batters, bowlers, fallOfWickets, partnerships, striker, nonStriker,
                bowler, over, ended, closed);
    }
}
