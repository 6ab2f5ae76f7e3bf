package dev.scoreline.match;

/**
 * One line of the batting card.
 *
 * @param balls balls faced: every delivery but a wide
 * @param out how the batter is out ("c X b Y", "retired hurt"), null while not out
 * @param dismissed true for a wicket; false for a retirement that leaves the batter free to return
 */
public record Batter(String name, int runs, int balls, int fours, int sixes, String out, boolean dismissed) {

    static Batter arriving(String name) {
        return new Batter(name, 0, 0, 0, 0, null, false);
    }
}
