package dev.scoreline.match;

import dev.scoreline.entity.EntityRules.Decision;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.Delivery.Extras;
import dev.scoreline.match.event.MatchEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Random but plausible matches for the properties: short innings between small sides, every kind
 * of extra and dismissal, retirements and returns, miscounted overs, undos, early closes, no
 * results and D/L. The simulation proposes; only the events the scorer accepts are kept, so the
 * result is a feed the job could have applied.
 */
final class RandomMatches {

    private static final String[] WICKETS = {"bowled", "caught", "caught and bowled", "lbw", "stumped",
        "hit wicket", "run out", "retired out", "obstructing the field", "timed out", "hit the ball twice",
        "handled the ball"};

    private RandomMatches() {}

    static List<MatchEvent> generate(long seed) {
        Random random = new Random(seed);
        int overs = 1 + random.nextInt(3);
        int players = 3 + random.nextInt(4);
        Feed feed = Feed.match(overs, players);
        innings(feed, random, Feed.HOME, Feed.AWAY, "H", "A", overs, players);
        innings(feed, random, Feed.AWAY, Feed.HOME, "A", "H", overs, players);
        int end = random.nextInt(10);
        feed.endMatch(end == 0 ? "no result" : null, end == 1 ? "D/L" : null);
        return accepted(feed.events());
    }

    private static void innings(Feed feed, Random random, String team, String fielding, String bat, String bowl,
            int overs, int players) {
        feed.innings(team);
        List<String> squad = Feed.squad(bat, players);
        List<String> bowlers = Feed.squad(bowl, players);
        Deque<String> waiting = new ArrayDeque<>(squad.subList(2, squad.size()));
        String striker = squad.get(0);
        String nonStriker = squad.get(1);
        int over = 0;
        int legal = 0;
        int overLength = overLength(random);
        for (int step = 0; step < 200 && over < overs; step++) {
            String bowler = bowlers.get(over % bowlers.size());
            int roll = random.nextInt(100);
            if (roll < 4) {
                feed.undo();
                continue;
            }
            if (roll < 6) {
                feed.endInnings();
                return;
            }
            Extras extras = Extras.NONE;
            int offBat = 0;
            List<Delivery.Wicket> wickets = List.of();
            if (roll < 11) {
                extras = new Extras(1 + random.nextInt(5), 0, 0, 0, 0);
            } else if (roll < 16) {
                extras = new Extras(0, 1, 0, 0, 0);
                offBat = random.nextInt(7);
            } else if (roll < 20) {
                extras = random.nextBoolean() ? new Extras(0, 0, 1 + random.nextInt(4), 0, 0)
                        : new Extras(0, 0, 0, 1 + random.nextInt(4), 0);
            } else if (roll < 21) {
                extras = new Extras(0, 0, 0, 0, 5);
            } else if (roll < 33) {
                String kind = roll < 31 ? WICKETS[random.nextInt(WICKETS.length)] : "retired hurt";
                String out = kind.equals("run out") && random.nextBoolean() ? nonStriker : striker;
                wickets = List.of(new Delivery.Wicket(kind, out, List.of(bowlers.get(random.nextInt(players)))));
            } else {
                offBat = random.nextInt(7);
            }
            feed.add(feed.delivery(over, striker, nonStriker, bowler, offBat, extras,
                    offBat == 4 && random.nextInt(10) == 0, wickets));
            for (Delivery.Wicket w : wickets) {
                if (w.kind().equals("retired hurt")) {
                    waiting.addLast(w.playerOut());
                }
                String in = waiting.pollFirst();
                if (in == null) {
                    return;
                }
                if (w.playerOut().equals(striker)) {
                    striker = in;
                } else {
                    nonStriker = in;
                }
            }
            if (offBat % 2 == 1) {
                String s = striker;
                striker = nonStriker;
                nonStriker = s;
            }
            if (extras.wides() == 0 && extras.noballs() == 0 && ++legal == overLength) {
                over++;
                legal = 0;
                overLength = overLength(random);
                String s = striker;
                striker = nonStriker;
                nonStriker = s;
            }
        }
        feed.endInnings();
    }

    /** Umpires miscount now and then. */
    private static int overLength(Random random) {
        int roll = random.nextInt(20);
        return roll == 0 ? 5 : roll == 1 ? 7 : 6;
    }

    static List<MatchEvent> accepted(List<MatchEvent> proposed) {
        Scorer scorer = new Scorer();
        List<MatchEvent> accepted = new ArrayList<>();
        MatchState state = null;
        for (MatchEvent event : proposed) {
            Decision<MatchState> decision = scorer.apply(state, event, () -> accepted);
            if (decision instanceof Decision.Accepted<MatchState> next) {
                state = next.state();
                accepted.add(event);
            }
        }
        return accepted;
    }
}
