package dev.scoreline.match;

import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.InningsStart.Target;
import java.util.List;

/**
 * One innings as the scorer keeps it.
 *
 * @param target runs to win and within how many overs, null when the innings chases nothing
 * @param overLimit overs the innings may last, null when unlimited
 * @param allOutAt wickets that end the innings: one fewer than the batters who may bat (at most
 *     eleven), two in a super over
 * @param completedOvers overs closed by the feed moving on to another over number
 * @param batters in batting order (position = index + 1)
 * @param bowlers in the order they came on
 * @param striker who faced the last ball, null when out on it
 * @param over the over in play (or the last over of an ended innings), null before the first ball
 * @param ended why the innings ended ({@link #ALL_OUT}, {@link #OVERS}, {@link #TARGET},
 *     {@link #CLOSED}, {@code declared}, {@code forfeited}), null while it is in play
 * @param closed true once the feed itself closed it (innings.end or match.end), which an automatic
 *     end does not do
 */
public record Innings(
        String team,
        boolean superOver,
        Target target,
        Integer overLimit,
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
    public static final String CLOSED = "closed";

    public Innings {
        extras = extras == null ? Delivery.Extras.NONE : extras;
        batters = List.copyOf(batters);
        bowlers = List.copyOf(bowlers);
        fallOfWickets = List.copyOf(fallOfWickets);
        partnerships = List.copyOf(partnerships);
    }

    static Innings starting(String team, boolean superOver, Target target, Integer overLimit, int allOutAt) {
        return new Innings(team, superOver, target, overLimit, allOutAt, 0, 0, 0, 0, Delivery.Extras.NONE,
                List.of(), List.of(), List.of(), List.of(), null, null, null, null, null, false);
    }

    public boolean inPlay() {
        return ended == null;
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
        return new Innings(team, superOver, target, overLimit, allOutAt, runs, wickets, legalBalls, completedOvers,
                extras, batters, bowlers, fallOfWickets, partnerships, striker, nonStriker, bowler, over, reason,
                byFeed);
    }
}
