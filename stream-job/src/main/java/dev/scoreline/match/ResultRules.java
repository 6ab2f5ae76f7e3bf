package dev.scoreline.match;

import java.util.List;

/**
 * Who won, from nothing but the balls and the targets. A limited-overs match is decided by its
 * second innings (and, after a tie, by super overs in pairs, as many pairs as it takes); a match
 * without an overs limit by its fourth innings, or by an innings when the side batting twice
 * falls short.
 */
final class ResultRules {

    private ResultRules() {}

    /**
     * @param result what the balls decided, null when they decided nothing yet
     * @param tied true when the scores are level with nothing to separate them yet: a super over
     *     may follow
     */
    record Verdict(Result result, boolean tied) {
        static final Verdict UNDECIDED = new Verdict(null, false);
        static final Verdict TIED = new Verdict(null, true);

        static Verdict decided(Result result) {
            return new Verdict(result, false);
        }
    }

    static Verdict judge(MatchState s) {
        List<Innings> regular = s.innings().stream().filter(i -> !i.superOver()).toList();
        return s.overs() != null ? limitedOvers(s, regular) : unlimited(s, regular);
    }

    /**
     * What the balls decide once the match has ended: a tie without a tie-break winner where the
     * scores stay level, a draw for a match without an overs limit that nothing decided; null when
     * the balls cannot decide (a limited-overs chase stopped short).
     */
    static Result atEnd(MatchState s) {
        Verdict v = judge(s);
        if (v.result() != null) {
            return v.result();
        }
        if (v.tied()) {
            return Result.tie(null);
        }
        return s.overs() == null ? Result.draw() : null;
    }

    private static Verdict limitedOvers(MatchState s, List<Innings> regular) {
        if (regular.size() < 2) {
            return Verdict.UNDECIDED;
        }
        Innings first = regular.get(0);
        Innings second = regular.get(1);
        Verdict chase = chase(second, first.team());
        if (chase != Verdict.TIED) {
            return chase;
        }
        List<Innings> superOvers = s.innings().stream().filter(Innings::superOver).toList();
        for (int i = 0; i + 1 < superOvers.size(); i += 2) {
            Verdict pair = chase(superOvers.get(i + 1), superOvers.get(i).team());
            if (pair.result() != null) {
                return Verdict.decided(Result.tie(pair.result().winner()));
            }
            if (pair != Verdict.TIED) {
                return Verdict.TIED;
            }
        }
        return Verdict.TIED;
    }

    /** The innings batting last against its target: won, lost, level, or not over yet. */
    private static Verdict chase(Innings chasing, String defending) {
        if (chasing.inPlay() || chasing.target() == null) {
            return Verdict.UNDECIDED;
        }
        if (chasing.reachedTarget()) {
            return Verdict.decided(Result.win(chasing.team(),
                    Result.Margin.wickets(chasing.allOutAt() - chasing.wickets())));
        }
        if (!chasing.isComplete()) {
            return Verdict.UNDECIDED;
        }
        int shortBy = chasing.target().runs() - 1 - chasing.runs();
        return shortBy > 0 ? Verdict.decided(Result.win(defending, Result.Margin.runs(shortBy))) : Verdict.TIED;
    }

    private static Verdict unlimited(MatchState s, List<Innings> regular) {
        if (regular.size() == 4) {
            Innings fourth = regular.get(3);
            Verdict chase = chase(fourth, s.otherTeam(fourth.team()));
            return chase == Verdict.TIED ? Verdict.decided(Result.tie(null)) : chase;
        }
        if (regular.size() == 3) {
            Innings third = regular.get(2);
            long timesBatted = regular.stream().filter(i -> i.team().equals(third.team())).count();
            int behind = aggregate(regular, s.otherTeam(third.team())) - aggregate(regular, third.team());
            if (Innings.ALL_OUT.equals(third.ended()) && timesBatted == 2 && behind > 0) {
                return Verdict.decided(Result.win(s.otherTeam(third.team()), Result.Margin.inningsAndRuns(behind)));
            }
        }
        return Verdict.UNDECIDED;
    }

    static int aggregate(List<Innings> innings, String team) {
        return innings.stream().filter(i -> i.team().equals(team)).mapToInt(Innings::runs).sum();
    }
}
