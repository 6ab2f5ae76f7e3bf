package dev.scoreline.match;

import java.util.Arrays;
import java.util.List;

/**
 * The ways a batter leaves the crease, as Cricsheet and the feed name them, with what the Laws of
 * Cricket say about each: whether it is a wicket, and whether the bowler is credited with it.
 */
enum Dismissal {
    BOWLED("bowled", true, true),
    CAUGHT("caught", true, true),
    CAUGHT_AND_BOWLED("caught and bowled", true, true),
    LBW("lbw", true, true),
    STUMPED("stumped", true, true),
    HIT_WICKET("hit wicket", true, true),
    RUN_OUT("run out", true, false),
    RETIRED_OUT("retired out", true, false),
    OBSTRUCTING_THE_FIELD("obstructing the field", true, false),
    HANDLED_THE_BALL("handled the ball", true, false),
    TIMED_OUT("timed out", true, false),
    // Law 34: the bowler does not get credit for the wicket.
    HIT_THE_BALL_TWICE("hit the ball twice", true, false),
    // The batter may resume the innings: not a wicket, not a fall of wicket.
    RETIRED_HURT("retired hurt", false, false),
    RETIRED_NOT_OUT("retired not out", false, false);

    private final String kind;
    private final boolean wicket;
    private final boolean bowlersWicket;

    Dismissal(String kind, boolean wicket, boolean bowlersWicket) {
        this.kind = kind;
        this.wicket = wicket;
        this.bowlersWicket = bowlersWicket;
    }

    /** @return null for a kind no law knows */
    static Dismissal of(String kind) {
        for (Dismissal d : values()) {
            if (d.kind.equals(kind)) {
                return d;
            }
        }
        return null;
    }

    static List<String> kinds() {
        return Arrays.stream(values()).map(d -> d.kind).toList();
    }

    boolean isWicket() {
        return wicket;
    }

    boolean isBowlersWicket() {
        return bowlersWicket;
    }

    /** The scorecard's how-out text: "c X b Y", "b Y", "lbw b Y", "run out (X)", "retired hurt". */
    String howOut(String bowler, List<String> fielders) {
        String fielder = fielders.isEmpty() ? "?" : fielders.get(0);
        return switch (this) {
            case BOWLED -> "b " + bowler;
            case CAUGHT -> "c " + fielder + " b " + bowler;
            case CAUGHT_AND_BOWLED -> "c & b " + bowler;
            case LBW -> "lbw b " + bowler;
            case STUMPED -> "st " + fielder + " b " + bowler;
            case HIT_WICKET -> "hit wicket b " + bowler;
            case RUN_OUT -> fielders.isEmpty() ? "run out" : "run out (" + String.join("/", fielders) + ")";
            default -> kind;
        };
    }
}
