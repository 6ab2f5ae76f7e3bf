package dev.scoreline.match;

import java.util.List;

/**
 * The over in play, or the last one of an ended innings.
 *
 * @param number the over number as the feed gives it
 * @param bowler who is bowling it now
 * @param shared true when more than one bowler bowled in it (no maiden, no whole over to either)
 * @param legalBalls legal balls of the over so far
 * @param bowlerLegalBalls legal balls of the current bowler in this over
 * @param bowlerRuns runs charged to the current bowler in this over
 * @param balls what each delivery of the over gave, in order ("0", "4", "W", "1wd", "2lb", ...)
 */
public record Over(
        int number, String bowler, boolean shared, int legalBalls, int bowlerLegalBalls, int bowlerRuns, List<String> balls) {

    public Over {
        balls = List.copyOf(balls);
    }

    static Over starting(int number, String bowler) {
        return new Over(number, bowler, false, 0, 0, 0, List.of());
    }

    /** Complete as far as the live feed can tell: the full count of legal balls has been bowled. */
    boolean isFull(int ballsPerOver) {
        return legalBalls >= ballsPerOver;
    }
}
