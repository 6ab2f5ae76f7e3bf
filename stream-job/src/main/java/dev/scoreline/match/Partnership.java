package dev.scoreline.match;

/**
 * Runs added (extras included) and legal balls bowled while two batters were together. A new
 * partnership starts whenever the pair at the crease changes, by a wicket or a retirement.
 */
public record Partnership(String first, String second, int runs, int legalBalls) {

    boolean isBetween(String a, String b) {
        return (first.equals(a) && second.equals(b)) || (first.equals(b) && second.equals(a));
    }
}
