package dev.scoreline.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The public view of a match, the state of the {@code match:<id>} channel, as docs/domain.md ("The
 * match state") lists it. Every list that grows is an object keyed by position ("1", "2", ...):
 * {@code innings}, each innings' {@code batters} (by batting position), {@code fallOfWickets},
 * {@code partnerships} and {@code thisOver}, so that a merge patch carries only what changed. It
 * has no null members: a field without a value is absent.
 */
public final class MatchView {

    private MatchView() {}

    public static ObjectNode of(MatchState s) {
        return of(s, null, null);
    }

    /**
     * The view of {@code s}, taking from {@code previousView} (the view of {@code previous}) the
     * view of every innings that is the very same object in both states: a ball changes only the
     * innings in play, and the unchanged ones, shared, cost the diff nothing.
     */
    public static ObjectNode of(MatchState s, MatchState previous, JsonNode previousView) {
        ObjectNode view = Json.object();
        view.put("matchId", s.matchId());
        s.teams().forEach(view.putArray("teams")::add);
        if (s.venue() != null) {
            view.put("venue", s.venue());
        }
        if (s.toss() != null) {
            ObjectNode toss = view.putObject("toss");
            putIfPresent(toss, "winner", s.toss().winner());
            putIfPresent(toss, "decision", s.toss().decision());
        }
        view.put("status", s.status());
        ObjectNode innings = view.putObject("innings");
        List<Innings> all = s.innings();
        JsonNode previousInnings = previousView == null ? null : previousView.get("innings");
        for (int i = 0; i < all.size(); i++) {
            String position = String.valueOf(i + 1);
            Innings before = previous != null && previousInnings != null && i < previous.innings().size()
                    && previous.ballsPerOver() == s.ballsPerOver() && previousInnings.get(position) != null
                    ? previous.innings().get(i) : null;
            innings.set(position, before == all.get(i)
                    ? previousInnings.get(position)
                    : innings(all.get(i), s.ballsPerOver(), i == all.size() - 1 ? lead(s) : null, before,
                            before == null ? null : previousInnings.get(position)));
        }

        if (s.result() != null) {
            view.set("result", result(s.result()));
        }
        return view;
    }

    /**
     * Runs the side batting in a match without an overs limit is ahead (behind, negative) on the
     * innings played, once the other side has batted; null otherwise.
     */
    private static Integer lead(MatchState s) {
        Innings last = s.lastInnings();
        if (s.overs() != null || last == null || last.superOver()) {
            return null;
        }
        String other = s.otherTeam(last.team());
        List<Innings> played = s.innings().stream().filter(i -> !i.superOver()).toList();
        if (played.stream().noneMatch(i -> i.team().equals(other))) {
            return null;
        }
        return ResultRules.aggregate(played, last.team()) - ResultRules.aggregate(played, other);
    }

    /**
     * The view of one innings ({@code lead} shown while it is in play); {@code before} and {@code beforeView} are the same innings one event
     * earlier and its view (or null), whose batters', bowlers', wickets' and partnerships' views are
     * taken as they are where the record is the very same object.
     */
    private static ObjectNode innings(Innings inn, int ballsPerOver, Integer lead, Innings before,
            JsonNode beforeView) {
        ObjectNode v = Json.object();
        v.put("team", inn.team());
        v.put("superOver", inn.superOver());
        v.put("runs", inn.runs());
        v.put("wickets", inn.wickets());
        v.put("legalBalls", inn.legalBalls());
        v.put("overs", inn.overs(ballsPerOver));
        ObjectNode extras = v.putObject("extras");
        extras.put("wides", inn.extras().wides());
        extras.put("noballs", inn.extras().noballs());
        extras.put("byes", inn.extras().byes());
        extras.put("legbyes", inn.extras().legbyes());
        extras.put("penalty", inn.extras().penalty());
        if (inn.target() != null) {
            ObjectNode target = v.putObject("target");
            target.put("runs", inn.target().runs());
            if (inn.target().overs() != null) {
                target.put("overs", inn.target().overs());
            }
            if (inn.target().balls() != null && inn.target().balls() > 0) {
                target.put("balls", inn.target().balls());
            }
        }
        byPosition(v.putObject("batters"), inn.batters(), before == null ? null : before.batters(),
                beforeView == null ? null : beforeView.get("batters"), (card, b) -> {
                    card.put("name", b.name());
                    card.put("runs", b.runs());
                    card.put("balls", b.balls());
                    card.put("fours", b.fours());
                    card.put("sixes", b.sixes());
                    putIfPresent(card, "out", b.out());
                });
        ObjectNode bowlers = v.putObject("bowlers");
        for (int i = 0; i < inn.bowlers().size(); i++) {
            Bowler b = inn.bowlers().get(i);
            JsonNode same = before == null || bowls(inn.over(), b) || bowls(before.over(), b) ? null
                    : unchanged(before.bowlers(), i, b, beforeView, "bowlers", b.name());
            if (same != null) {
                bowlers.set(b.name(), same);
            } else {
                bowler(bowlers.putObject(b.name()), b, inn.over(), ballsPerOver);
            }
        }
        byPosition(v.putObject("fallOfWickets"), inn.fallOfWickets(), before == null ? null : before.fallOfWickets(),
                beforeView == null ? null : beforeView.get("fallOfWickets"), (fow, f) -> {
                    fow.put("runs", f.runs());
                    fow.put("legalBalls", f.legalBalls());
                    fow.put("overs", f.overs());
                    fow.put("player", f.player());
                });
        byPosition(v.putObject("partnerships"), inn.partnerships(), before == null ? null : before.partnerships(),
                beforeView == null ? null : beforeView.get("partnerships"), (stand, p) -> {
                    stand.putArray("batters").add(p.first()).add(p.second());
                    stand.put("runs", p.runs());
                    stand.put("legalBalls", p.legalBalls());
                });
        if (inn.legalBalls() > 0) {
            v.put("runRate", rate(inn.runs(), inn.legalBalls(), ballsPerOver));
        }
        if (!inn.inPlay()) {
            v.put("ended", inn.ended());
            return v;
        }
        if (lead != null) {
            v.put("lead", lead);
        }
        putIfPresent(v, "striker", inn.striker());
        putIfPresent(v, "nonStriker", inn.nonStriker());
        putIfPresent(v, "bowler", inn.bowler());
        if (inn.over() != null) {
            ObjectNode thisOver = v.putObject("thisOver");
            List<String> balls = inn.over().balls();
            for (int i = 0; i < balls.size(); i++) {
                thisOver.put(String.valueOf(i + 1), balls.get(i));
            }
        }
        if (inn.target() != null) {
            v.put("runsNeeded", Math.max(0, inn.target().runs() - inn.runs()));
            Integer limit = inn.ballLimit(ballsPerOver);
            if (limit != null) {
                int left = Math.max(0, limit - inn.ballsBowled(ballsPerOver));
                v.put("ballsLeft", left);
                if (left > 0) {
                    v.put("requiredRate", rate(inn.target().runs() - inn.runs(), left, ballsPerOver));
                }
            }
        }
        return v;
    }

    /**
     * A growing list as an object keyed by position from 1; an item that is the very same record
     * as at its position in {@code itemsBefore} keeps its view from {@code viewsBefore}.
     */
    private static <T> void byPosition(ObjectNode into, List<T> items, List<T> itemsBefore, JsonNode viewsBefore,
            BiConsumer<ObjectNode, T> view) {
        for (int i = 0; i < items.size(); i++) {
            String position = String.valueOf(i + 1);
            JsonNode same = itemsBefore != null && viewsBefore != null && i < itemsBefore.size()
                    && itemsBefore.get(i) == items.get(i) ? viewsBefore.get(position) : null;
            if (same != null) {
                into.set(position, same);
            } else {
                view.accept(into.putObject(position), items.get(i));
            }
        }
    }

    /** The view made last time of the very same record at the same place, or null. */
    private static <T> JsonNode unchanged(List<T> before, int i, T now, JsonNode beforeView, String list, String name) {
        if (before == null || beforeView == null || i >= before.size() || before.get(i) != now) {
            return null;
        }
        return beforeView.path(list).get(name);
    }

    /** Whether {@code b} bowls the over in play (whose balls count in the bowler's view). */
    private static boolean bowls(Over over, Bowler b) {
        return over != null && over.bowler().equals(b.name());
    }

    /** A bowler's overs as the feed counted them, the over in play included; maidens likewise. */
    private static void bowler(ObjectNode v, Bowler b, Over over, int ballsPerOver) {
        int overs = b.overs();
        int balls = b.spareBalls();
        int maidens = b.maidens();
        if (over != null && over.bowler().equals(b.name())) {
            if (!over.shared() && over.isFull(ballsPerOver)) {
                overs++;
                maidens += over.bowlerRuns() == 0 ? 1 : 0;
            } else {
                balls += over.bowlerLegalBalls();
            }
        }
        overs += balls / ballsPerOver;
        v.put("legalBalls", b.legalBalls());
        v.put("overs", overs + "." + balls % ballsPerOver);
        v.put("maidens", maidens);
        v.put("runs", b.runs());
        v.put("wickets", b.wickets());
    }

    private static ObjectNode result(Result r) {
        ObjectNode v = outcome(r);
        if (r.overruled() != null) {
            v.set("overruled", outcome(r.overruled()));
        }
        return v;
    }

    private static ObjectNode outcome(Result r) {
        ObjectNode v = Json.object();
        putIfPresent(v, "result", r.result());
        putIfPresent(v, "winner", r.winner());
        if (r.by() != null) {
            ObjectNode by = v.putObject("by");
            if (r.by().innings() != null) {
                by.put("innings", r.by().innings());
            }
            if (r.by().runs() != null) {
                by.put("runs", r.by().runs());
            }
            if (r.by().wickets() != null) {
                by.put("wickets", r.by().wickets());
            }
        }
        putIfPresent(v, "method", r.method());
        return v;
    }

    /** Runs per over, to two decimals. */
    private static double rate(int runs, int balls, int ballsPerOver) {
        return Math.round(runs * ballsPerOver * 100.0 / balls) / 100.0;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
