package dev.scoreline.match;

import dev.scoreline.match.event.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What one delivery does to an innings, left in play (the scorer settles whether it ended); the scorer
 * has checked that it may.
 */
final class DeliveryScoring {

    private DeliveryScoring() {}

    static Innings score(Innings inn, Delivery d, int ballsPerOver) {
        Delivery.Extras x = d.extras();
        Delivery.Runs r = d.runs();
        boolean legal = x.wides() == 0 && x.noballs() == 0;
        int legalBall = legal ? 1 : 0;
        int charged = r.batter() + x.wides() + x.noballs();

        List<Bowler> bowlers = new ArrayList<>(inn.bowlers());
        int completedOvers = inn.completedOvers();
        Over over = inn.over();
        if (over == null || over.number() != d.over()) {
            if (over != null && over.legalBalls() > 0) {
                closeOver(bowlers, over);
                completedOvers++;
            }
            over = Over.starting(d.over(), d.bowler());
        } else if (!over.bowler().equals(d.bowler())) {
            int handedOver = over.bowlerLegalBalls();
            update(bowlers, over.bowler(), b -> new Bowler(b.name(), b.legalBalls(), b.overs(),
                    b.spareBalls() + handedOver, b.maidens(), b.runs(), b.wickets()));
            over = new Over(over.number(), d.bowler(), true, over.legalBalls(), 0, 0, over.balls());
        }
        List<String> balls = new ArrayList<>(over.balls());
        balls.add(symbol(d));
        over = new Over(over.number(), over.bowler(), over.shared(), over.legalBalls() + legalBall,
                over.bowlerLegalBalls() + legalBall, over.bowlerRuns() + charged, balls);

        int credited = 0;
        for (Delivery.Wicket w : d.wickets()) {
            credited += Dismissal.of(w.kind()).isBowlersWicket() ? 1 : 0;
        }
        int bowlersWickets = credited;
        indexOrAdd(bowlers, d.bowler());
        update(bowlers, d.bowler(), b -> new Bowler(b.name(), b.legalBalls() + legalBall, b.overs(), b.spareBalls(),
                b.maidens(), b.runs() + charged, b.wickets() + bowlersWickets));

        List<Batter> batters = new ArrayList<>(inn.batters());
        int striker = batterIndex(batters, d.batter());
        int nonStriker = batterIndex(batters, d.nonStriker());
        boolean four = r.batter() == 4 && !r.nonBoundary();
        boolean six = r.batter() == 6 && !r.nonBoundary();
        Batter facing = batters.get(striker);
        batters.set(striker, new Batter(facing.name(), facing.runs() + r.batter(),
                facing.balls() + (x.wides() == 0 ? 1 : 0), facing.fours() + (four ? 1 : 0),
                facing.sixes() + (six ? 1 : 0), null, false));

        int runs = inn.runs() + r.total();
        int legalBalls = inn.legalBalls() + legalBall;
        Delivery.Extras extras = new Delivery.Extras(inn.extras().wides() + x.wides(),
                inn.extras().noballs() + x.noballs(), inn.extras().byes() + x.byes(),
                inn.extras().legbyes() + x.legbyes(), inn.extras().penalty() + x.penalty());

        List<Partnership> partnerships = new ArrayList<>(inn.partnerships());
        Partnership current = partnerships.isEmpty() ? null : partnerships.get(partnerships.size() - 1);
        if (current == null || !current.isBetween(d.batter(), d.nonStriker())) {
            String first = batters.get(Math.min(striker, nonStriker)).name();
            String second = batters.get(Math.max(striker, nonStriker)).name();
            current = new Partnership(first, second, 0, 0);
            partnerships.add(current);
        }
        partnerships.set(partnerships.size() - 1, new Partnership(current.first(), current.second(),
                current.runs() + r.total(), current.legalBalls() + legalBall));

        String strikerName = d.batter();
        String nonStrikerName = d.nonStriker();
        int wickets = inn.wickets();
        List<FallOfWicket> fallOfWickets = new ArrayList<>(inn.fallOfWickets());
        for (Delivery.Wicket w : d.wickets()) {
            Dismissal how = Dismissal.of(w.kind());
            int out = batterIndex(batters, w.playerOut());
            Batter gone = batters.get(out);
            batters.set(out, new Batter(gone.name(), gone.runs(), gone.balls(), gone.fours(), gone.sixes(),
                    how.howOut(d.bowler(), w.fielders()), how.isWicket()));
            if (how.isWicket()) {
                wickets++;
                fallOfWickets.add(new FallOfWicket(runs, legalBalls,
                        oversText(completedOvers, over, ballsPerOver), w.playerOut()));
            }
            strikerName = w.playerOut().equals(strikerName) ? null : strikerName;
            nonStrikerName = w.playerOut().equals(nonStrikerName) ? null : nonStrikerName;
        }

        return new Innings(inn.team(), inn.superOver(), inn.target(), inn.overLimit(), inn.extraBalls(),
                inn.allOutAt(), runs, wickets, legalBalls, completedOvers, extras, batters, bowlers, fallOfWickets,
                partnerships, strikerName, nonStrikerName, d.bowler(), over, null, false);
    }

    static String oversText(int completedOvers, Over over, int ballsPerOver) {
        if (over == null) {
            return completedOvers + ".0";
        }
        return over.isFull(ballsPerOver) ? (completedOvers + 1) + ".0" : completedOvers + "." + over.legalBalls();
    }

    /** What the over display shows for one delivery: runs, then the kind of extra, then W for a wicket. */
    static String symbol(Delivery d) {
        Delivery.Extras x = d.extras();
        boolean wicket = false;
        for (Delivery.Wicket w : d.wickets()) {
            wicket |= Dismissal.of(w.kind()).isWicket();
        }
        String kind = x.wides() > 0 ? "wd"
                : x.noballs() > 0 ? "nb"
                : x.byes() > 0 ? "b"
                : x.legbyes() > 0 ? "lb"
                : x.penalty() > 0 ? "p"
                : "";
        int total = d.runs().total();
        return (total == 0 && wicket && kind.isEmpty() ? "" : String.valueOf(total)) + kind + (wicket ? "W" : "");
    }

    /** An over the feed has moved on from: a whole over to a lone bowler (a maiden if nothing was charged). */
    private static void closeOver(List<Bowler> bowlers, Over over) {
        if (over.shared()) {
            update(bowlers, over.bowler(), b -> new Bowler(b.name(), b.legalBalls(), b.overs(),
                    b.spareBalls() + over.bowlerLegalBalls(), b.maidens(), b.runs(), b.wickets()));
        } else {
            int maiden = over.bowlerRuns() == 0 ? 1 : 0;
            update(bowlers, over.bowler(), b -> new Bowler(b.name(), b.legalBalls(), b.overs() + 1, b.spareBalls(),
                    b.maidens() + maiden, b.runs(), b.wickets()));
        }
    }

    private static int batterIndex(List<Batter> batters, String name) {
        for (int i = 0; i < batters.size(); i++) {
            if (batters.get(i).name().equals(name)) {
                Batter b = batters.get(i);
                if (b.out() != null && !b.dismissed()) {
                    // back from a retirement
                    batters.set(i, new Batter(b.name(), b.runs(), b.balls(), b.fours(), b.sixes(), null, false));
                }
                return i;
            }
        }
        batters.add(Batter.arriving(name));
        return batters.size() - 1;
    }

    private static void indexOrAdd(List<Bowler> bowlers, String name) {
        for (Bowler b : bowlers) {
            if (b.name().equals(name)) {
                return;
            }
        }
        bowlers.add(Bowler.arriving(name));
    }

    private static void update(List<Bowler> bowlers, String name, UnaryOperator<Bowler> change) {
        for (int i = 0; i < bowlers.size(); i++) {
            if (bowlers.get(i).name().equals(name)) {
                bowlers.set(i, change.apply(bowlers.get(i)));
                return;
            }
        }
    }
}
