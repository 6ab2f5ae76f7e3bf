package dev.scoreline.market;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A match's markets and the bets on them, immutable, kept with the match's state. Whether a
 * market is open, closed or decided is a function of the match as it stands ({@link Play}) and
 * of the balls of the latest innings ({@code balls}): after every event of the match, {@link
 * #after} brings each market that holds bets up to date with it, and a correction that takes a
 * ball back so takes back what the ball decided, as if it had never been bowled.
 *
 * @param innings the innings {@code balls} belong to
 * @param balls the deliveries of that innings, in order
 * @param live the markets with bets that are not decided, by name
 * @param settled the decided markets that a correction could still take back, by name; dropped
 *     once the feed closes their innings (or the match), when none can
 * @param house every chip the house took from the match's pools
 */
public record Markets(int innings, List<Ball> balls, Map<String, Market> live, Map<String, Market> settled,
        long house) {

    private static final Markets NONE = new Markets(0, List.of(), Map.of(), Map.of(), 0);

    /** The outcomes of a ball market. */
    public static final List<String> BALL_OUTCOMES = List.of(Ball.DOT, "1", "2", "3", "4", "6", Ball.WICKET, Ball.EXTRA);

    /** The outcomes of an over market: bands of its runs, extras included. */
    public static final List<String> OVER_BANDS = List.of("0-4", "5-8", "9-12", "13+");

    public Markets {
        balls = List.copyOf(balls);
        live = Map.copyOf(live);
        settled = Map.copyOf(settled);
    }

    public static Markets none() {
        return NONE;
    }

    /** The chips in pools not yet decided: the match holds them until it pays them out. */
    @JsonIgnore
    public long held() {
        long held = 0;
        for (Market m : live.values()) {
            held += m.pool();
        }
        return held;
    }

    /** Whether any bet waits for its market to be decided. */
    @JsonIgnore
    public boolean holdsBets() {
        return !live.isEmpty();
    }

    /** A delivery of innings {@code number}: the balls of an earlier innings are done with. */
    public Markets bowled(int number, Ball ball) {
        List<Ball> next = new ArrayList<>(number == innings ? balls : List.of());
        next.add(ball);
        return new Markets(number, next, live, settled, house);
    }

    /** Innings {@code number} starts: the balls of the one before are done with. */
    public Markets inningsStarted(int number) {
        return new Markets(number, List.of(), live, settled, house);
    }

    /** The last delivery taken back by a correction. */
    public Markets undone() {
        return balls.isEmpty() ? this
                : new Markets(innings, balls.subList(0, balls.size() - 1), live, settled, house);
    }

    /** The phase of a market as the match stands. */
    public enum Phase { NOT_YET, OPEN, CLOSED, DECIDED }

    /**
     * @param outcome the winning outcome of a decided market, null when it is void
     * @param why why a market takes no bet now (the refusal's reason), or why a decided one is void
     */
    public record Status(Phase phase, String outcome, String why) {}

    public Status status(MarketId id, Play play) {
        return switch (id.kind()) {
            case WINNER -> play.decided()
                    ? new Status(Phase.DECIDED, play.winner(), play.winner() == null ? "the match has no winner ("
                            + play.result() + ")" : "the match is decided: " + play.result())
                    : new Status(Phase.OPEN, null, null);
            case BALL -> ballStatus(id, play);
            case OVER -> overStatus(id, play);
        };
    }

    private int ballsOf(int inningsNumber, Play play) {
        return inningsNumber == innings && inningsNumber == play.innings() ? balls.size() : 0;
    }

    private Status ballStatus(MarketId id, Play play) {
        if (id.innings() < play.innings()) {
            return new Status(Phase.DECIDED, null, "innings " + id.innings() + " ended before delivery " + id.number());
        }
        int bowled = ballsOf(id.innings(), play);
        if (id.innings() == play.innings() && id.number() <= bowled) {
            Ball ball = balls.get(id.number() - 1);
            return new Status(Phase.DECIDED, ball.outcome(),
                    ball.outcome() == null ? "ball " + ball.label() + " gave " + ball.runs() + " runs, none of the outcomes"
                            : "suspended: ball " + ball.label() + " was bowled");
        }
        if (play.decided() || (id.innings() == play.innings() && !play.inPlay())) {
            return new Status(Phase.DECIDED, null, "the innings ended before delivery " + id.number());
        }
        if (id.innings() == play.innings() && id.number() == bowled + 1) {
            return new Status(Phase.OPEN, null, null);
        }
        String next = play.inPlay() ? "the next ball is " + MarketId.ball(play.innings(), ballsOf(play.innings(), play) + 1)
                + " (" + play.nextBall() + ")" : "innings " + play.innings() + " is not in play";
        return new Status(Phase.NOT_YET, null, "market " + id + " is not open yet: " + next);
    }

    private Status overStatus(MarketId id, Play play) {
        String over = "over " + (id.number() + 1);
        if (id.innings() < play.innings()) {
            return new Status(Phase.DECIDED, null, "innings " + id.innings() + " ended before " + over);
        }
        boolean current = id.innings() == play.innings() && id.innings() == innings;
        int lastOver = current && !balls.isEmpty() ? balls.get(balls.size() - 1).over() : -1;
        int runs = 0;
        boolean begun = false;
        if (current) {
            for (Ball b : balls) {
                if (b.over() == id.number()) {
                    begun = true;
                    runs += b.runs();
                }
            }
        }
        boolean finished = lastOver > id.number() || play.decided() || (current && !play.inPlay());
        if (begun && finished) {
            return new Status(Phase.DECIDED, band(runs), "suspended: " + over + " was bowled");
        }
        if (begun) {
            return new Status(Phase.CLOSED, null, "suspended: " + over + " is being bowled");
        }
        if (finished || (current && id.number() <= lastOver)) {
            return new Status(Phase.DECIDED, null, over + " of innings " + id.innings() + " was not bowled");
        }
        if (id.innings() == play.innings() && play.inPlay() && id.number() == lastOver + 1) {
            return new Status(Phase.OPEN, null, null);
        }
        return new Status(Phase.NOT_YET, null, "market " + id + " is not open yet: bets are taken on the coming over, "
                + MarketId.over(play.innings(), lastOver + 1));
    }

    /** The band of an over's runs. */
    public static String band(int runs) {
        return runs <= 4 ? "0-4" : runs <= 8 ? "5-8" : runs <= 12 ? "9-12" : "13+";
    }

    /** The outcomes a market takes bets on. */
    public static List<String> outcomes(MarketId id, Play play) {
        return switch (id.kind()) {
            case BALL -> BALL_OUTCOMES;
            case OVER -> OVER_BANDS;
            case WINNER -> play.teams();
        };
    }

    /** Why the bet cannot be taken as the match stands, null when it can. */
    public String refusal(MarketBet bet, String market, Play play, BettingTerms terms) {
        MarketId id = MarketId.parse(market);
        if (id == null) {
            return "'" + market + "' is not a market: ball:<innings>.<delivery>, over:<innings>.<over> or winner";
        }
        if (!outcomes(id, play).contains(bet.outcome())) {
            return "'" + bet.outcome() + "' is not an outcome of " + market + ": " + String.join(", ", outcomes(id, play));
        }
        if (bet.stake() < 1 || bet.stake() > terms.maxStake()) {
            return "a stake is 1 to " + terms.maxStake() + " chips, not " + bet.stake();
        }
        Status status = status(id, play);
        return status.phase() == Phase.OPEN ? null : status.why();
    }

    /** {@code bet} in its market's pool; {@link #refusal} said it may be. */
    public Markets place(MarketBet bet, String market) {
        Map<String, Market> next = new TreeMap<>(live);
        next.put(market, next.getOrDefault(market, Market.opening(market)).plus(bet));
        return new Markets(innings, balls, next, settled, house);
    }

    /**
     * Every market with bets brought up to date with the match after one of its events: closed at
     * {@code at} when it stops taking bets, decided (a new settlement round) when its outcome is
     * known, and its settlement taken back when a correction made it undecided again or decided
     * it otherwise.
     *
     * @param beyondCorrection true after an event that no correction can go back past (the feed
     *     closing an innings, starting one, ending the match): the markets decided before it are
     *     final then, and are dropped
     */
    public Markets after(Play play, Instant at, boolean beyondCorrection, BettingTerms terms) {
        if (live.isEmpty() && settled.isEmpty()) {
            return this;
        }
        Map<String, Market> nextLive = new TreeMap<>();
        Map<String, Market> nextSettled = new TreeMap<>();
        long nextHouse = house;
        for (Market market : all()) {
            MarketId id = MarketId.parse(market.id());
            if (id.kind() != MarketId.Kind.WINNER && id.innings() < play.innings() && market.settled() != null) {
                // decided by balls of an innings no correction reaches any more, which are not kept
                if (!beyondCorrection) {
                    nextSettled.put(market.id(), market);
                }
                continue;
            }
            Status status = status(id, play);
            Market m = market;
            boolean taking = status.phase() == Phase.OPEN || status.phase() == Phase.NOT_YET;
            if (taking && m.closedAt() != null) {
                m = m.reopened();
            } else if (!taking && m.closedAt() == null) {
                m = m.closed(at);
            }
            Market.Settlement standing = m.settled();
            boolean decided = status.phase() == Phase.DECIDED;
            if (standing != null && (!decided || !same(standing.outcome(), status.outcome()))) {
                nextHouse -= standing.house();
                m = m.unsettled();
            }
            if (decided && m.settled() == null) {
                Pool.Division division = Pool.divide(m.bets(), status.outcome(), status.why(),
                        m.closedAt().toEpochMilli(), terms);
                Market.Settlement settlement = new Market.Settlement(m.rounds() + 1, status.outcome(),
                        status.outcome() == null ? status.why() : null, m.bets().size(), m.closedAt().toEpochMilli(),
                        terms.houseCutPercent(), terms.betDelay().toMillis(), division.house());
                nextHouse += division.house();
                m = m.settledAs(settlement);
            }
            if (m.settled() == null) {
                nextLive.put(m.id(), m);
            } else if (!beyondCorrection || m.settled() != market.settled()) {
                // one decided by this very event stays until the next, so that its payouts are sent
                nextSettled.put(m.id(), m);
            }
        }
        return new Markets(innings, balls, nextLive, nextSettled, nextHouse);
    }

    private List<Market> all() {
        List<Market> all = new ArrayList<>(live.size() + settled.size());
        all.addAll(live.values());
        all.addAll(settled.values());
        return all;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** Every market, live or settled, by name: what a settlement compares before and after an event. */
    @JsonIgnore
    public Map<String, Market> byName() {
        Map<String, Market> all = new TreeMap<>(settled);
        all.putAll(live);
        return all;
    }

    /** The markets that take bets now, whether or not anyone has bet on them. */
    public List<MarketId> openNow(Play play) {
        if (play.decided() || play.teams().isEmpty()) {
            return List.of();
        }
        if (play.innings() == 0 || !play.inPlay()) {
            return List.of(MarketId.winner());
        }
        int bowled = ballsOf(play.innings(), play);
        int lastOver = bowled == 0 ? -1 : balls.get(bowled - 1).over();
        return List.of(MarketId.ball(play.innings(), bowled + 1), MarketId.over(play.innings(), lastOver + 1),
                MarketId.winner());
    }

    /** The scorer's name for a ball market's delivery, when it has been bowled or is next; null otherwise. */
    public String ballLabel(MarketId id, Play play) {
        int bowled = ballsOf(id.innings(), play);
        if (id.innings() == play.innings() && id.number() <= bowled) {
            return balls.get(id.number() - 1).label();
        }
        return id.innings() == play.innings() && id.number() == bowled + 1 && play.inPlay() ? play.nextBall() : null;
    }
}
