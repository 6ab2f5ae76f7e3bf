package dev.scoreline.match;

/**
 * One line of the bowling card.
 *
 * @param overs overs completed alone, as the feed numbered them (a miscounted over of five or seven
 *     legal balls is one over)
 * @param spareBalls legal balls of overs shared with another bowler (an injury mid-over), which
 *     count towards the bowler's overs six at a time
 * @param runs runs charged to the bowler: off the bat, wides and no-balls; never byes, leg byes or
 *     penalty runs
 */
public record Bowler(String name, int legalBalls, int overs, int spareBalls, int maidens, int runs, int wickets) {

    static Bowler arriving(String name) {
        return new Bowler(name, 0, 0, 0, 0, 0, 0);
    }
}
