package dev.scoreline.match;

import dev.scoreline.match.event.MatchEnd;
import java.util.Objects;

/**
 * How the match ended; its JSON is the view's {@code result}: {@code {"winner", "by": {"runs"|"wickets": n}}}
 * (with {@code "innings": 1} for an innings victory), {@code {"result": "tie", "winner"}} (the
 * tie-break's winner, absent when there is none), {@code {"result": "no result"}} or
 * {@code {"result": "draw"}}, each with the officials' {@code method} (such as D/L) when they named
 * one.
 *
 * @param overruled what the balls decided, where the officials announced otherwise without naming
 *     a method: the officials' decision stands, and this says so; null otherwise
 */
public record Result(String winner, Margin by, String result, String method, Result overruled) {

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
        return new Result(winner, by, null, null, null);
    }

    static Result tie(String tieBreakWinner) {
        return new Result(tieBreakWinner, null, TIE, null, null);
    }

    static Result noResult() {
        return new Result(null, null, NO_RESULT, null, null);
    }

    static Result draw() {
        return new Result(null, null, DRAW, null, null);
    }

    /** What the officials announced in a match.end, or null when it announces no outcome nor winner. */
    static Result announced(MatchEnd e) {
        if (e.outcome() == null && e.winner() == null) {
            return null;
        }
        Margin by = e.by() == null ? null : new Margin(e.by().runs(), e.by().wickets(), e.by().innings());
        return new Result(e.winner(), by, e.outcome(), e.method(), null);
    }

    Result withMethod(String method) {
        return new Result(winner, by, result, method, overruled);
    }

    Result overruling(Result balls) {
        return new Result(winner, by, result, method, balls);
    }

    /** Whether {@code other} tells the same outcome, taking a margin it leaves out as agreeing. */
    boolean agreesWith(Result other) {
        return Objects.equals(result, other.result) && Objects.equals(winner, other.winner)
                && (other.by == null || other.by.equals(by));
    }

    @Override
    public String toString() {
        String told;
        if (result == null) {
            told = by == null ? winner + " won"
                    : by.innings() != null ? winner + " won by an innings and " + by.runs() + " runs"
                    : by.runs() != null ? winner + " won by " + by.runs() + " runs"
                    : winner + " won by " + by.wickets() + " wickets";
        } else {
            told = winner == null ? result : result + ", " + winner + " won the tie-break";
        }
        return method == null ? told : told + " (" + method + ")";
    }
}
