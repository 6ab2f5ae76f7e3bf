package dev.scoreline.match;

/**
 * How the match ended, computed from the balls and the targets; its JSON is the view's
 * {@code result}: {@code {"winner", "by": {"runs"|"wickets": n}}}, {@code {"result": "tie", "winner"}}
 * (the super-over winner, absent when there is none), {@code {"result": "no result"}} or
 * {@code {"result": "draw"}}, each with the feed's {@code method} (such as D/L) when it gave one.
 */
public record Result(String winner, Margin by, String result, String method) {

    public static final String TIE = "tie";
    public static final String NO_RESULT = "no result";
    public static final String DRAW = "draw";

    /** @param innings 1 for a win by an innings and {@code runs} (a match without an overs limit) */
    public record Margin(Integer runs, Integer wickets, Integer innings) {

        static Margin runs(int runs) {
            return new Margin(runs, null, null);
        }

        static Margin wickets(int wickets) {
            return new Margin(null, wickets, null);
        }

        static Margin inningsAndRuns(int runs) {
            return new Margin(runs, null, 1);
        }
    }

    static Result win(String winner, Margin by) {
        return new Result(winner, by, null, null);
    }

    static Result tie(String superOverWinner) {
        return new Result(superOverWinner, null, TIE, null);
    }

    static Result noResult() {
        return new Result(null, null, NO_RESULT, null);
    }

    static Result draw() {
        return new Result(null, null, DRAW, null);
    }

    Result withMethod(String method) {
        return new Result(winner, by, result, method);
    }

    @Override
    public String toString() {
        if (result == null) {
            String margin = by.innings() != null
                    ? "an innings and " + by.runs() + " runs"
                    : by.runs() != null ? by.runs() + " runs" : by.wickets() + " wickets";
            return winner + " won by " + margin;
        }
        return winner == null ? result : result + ", " + winner + " won the super over";
    }
}
