package dev.scoreline.market;

import dev.scoreline.match.event.Delivery;
import java.time.Instant;

/**
 * What one delivery meant to the markets.
 *
 * @param over the feed's over number
 * @param runs every run of the delivery, extras included (an over's runs add them up)
 * @param outcome the ball market's outcome, null when the delivery gave none of them (five runs)
 * @param label the delivery as a scorer says it, over and ball ("14.3")
 * @param at the delivery's event time, which closed its market
 */
public record Ball(int over, int runs, String outcome, String label, Instant at) {

    public static final String DOT = "dot";
    public static final String WICKET = "wicket";
    public static final String EXTRA = "extra";

    /** A wicket before anything else, then extras of any kind, then the batter's runs. */
    public static String outcomeOf(Delivery d) {
        if (!d.wickets().isEmpty()) {
            return WICKET;
        }
        if (d.runs().extras() > 0) {
            return EXTRA;
        }
        return switch (d.runs().batter()) {
            case 0 -> DOT;
            case 1, 2, 3, 4, 6 -> Integer.toString(d.runs().batter());
            default -> null;
        };
    }
}
