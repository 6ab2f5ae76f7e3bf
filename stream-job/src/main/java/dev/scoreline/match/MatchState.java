package dev.scoreline.match;

import dev.scoreline.market.Markets;
import dev.scoreline.match.event.MatchStart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorer's state of one match: its cricket a pure function of the match's feed (never of the
 * events' ids or times), which is what lets an undo fold the history again and land on the state
 * before the ball; and its betting markets, which a correction carries over and brings up to date.
 * Kept by the job as JSON through {@link dev.scoreline.json.Json#MAPPER}; {@link MatchView} turns
 * it into what clients see.
 *
 * @param players the players of each team who may bat or bowl, in the order of {@code teams}
 * @param overs overs per innings, null when unlimited
 * @param innings in the order they were played, super overs included
 * @param result null while the match is not completed
 * @param ended true once the feed's match.end arrived (a match the balls decided is completed
 *     before that, and still accepts the feed's closing events)
 * @param markets the bets on the match; absent in a state kept before betting existed
 */
public record MatchState(
        String matchId,
        List<String> teams,
        Map<String, List<String>> players,
        Integer overs,
        int ballsPerOver,
        String venue,
        MatchStart.Toss toss,
        List<Innings> innings,
        Result result,
        boolean ended,
        Markets markets) {

    public static final String LIVE = "live";
    public static final String INNINGS_BREAK = "innings break";
    public static final String COMPLETED = "completed";

    public MatchState {
        teams = List.copyOf(teams);
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String team : teams) {
            ordered.put(team, List.copyOf(players.getOrDefault(team, List.of())));
        }
        players = Collections.unmodifiableMap(ordered);
        innings = List.copyOf(innings);
        markets = markets == null ? Markets.none() : markets;
    }

    public String status() {
        if (result != null) {
            return COMPLETED;
        }
        Innings last = lastInnings();
        return last != null && !last.inPlay() ? INNINGS_BREAK : LIVE;
    }

    public boolean completed() {
        return result != null;
    }

    /** The latest innings, in play or not; null before the first. */
    public Innings lastInnings() {
        return innings.isEmpty() ? null : innings.get(innings.size() - 1);
    }

    String otherTeam(String team) {
        return teams.get(0).equals(team) ? teams.get(1) : teams.get(0);
    }

    MatchState withInnings(List<Innings> next, Result nextResult) {
        return new MatchState(matchId, teams, players, overs, ballsPerOver, venue, toss, next, nextResult, ended,
                markets);
    }

    MatchState withLastInnings(Innings last) {
        List<Innings> next = new ArrayList<>(innings);
        next.set(next.size() - 1, last);
        return withInnings(next, result);
    }

    MatchState endedWith(Result finalResult) {
        return new MatchState(matchId, teams, players, overs, ballsPerOver, venue, toss, innings, finalResult, true,
                markets);
    }

    MatchState withMarkets(Markets next) {
        return new MatchState(matchId, teams, players, overs, ballsPerOver, venue, toss, innings, result, ended, next);
    }
}
