package dev.scoreline.market;

import java.util.List;

/**
 * What the markets need to know of the match, which the scorer tells them after every event of
 * its own.
 *
 * @param innings the number of the latest innings, 0 before the first
 * @param inPlay whether the latest innings takes balls
 * @param decided whether the match has a result (or has ended without one)
 * @param winner the winning team, null when there is none (yet, or at all)
 * @param result the result as the scorecard says it, null while there is none
 * @param teams the two teams, the winner market's outcomes
 * @param nextBall the next delivery as a scorer would say it ("14.3")
 */
public record Play(int innings, boolean inPlay, boolean decided, String winner, String result, List<String> teams,
        String nextBall) {}
