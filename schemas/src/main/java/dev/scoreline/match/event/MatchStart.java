package dev.scoreline.match.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a match: the two teams, their players, and the playing conditions.
 *
 * @param overs overs per innings, null when unlimited (a multi-day match)
 * @param venue where it is played, when the feed names it
 * @param toss who won the toss and chose what, when the feed knows it
 */
public record MatchStart(
        String eventId,
        String matchId,
        Instant eventTime,
        List<String> teams,
        Map<String, List<String>> players,
        Integer overs,
        int ballsPerOver,
        String venue,
        Toss toss)
        implements MatchEvent {

    public static final String TYPE = "match.start";

    public MatchStart {
        teams = teams == null ? null : List.copyOf(teams);
        // Keeps the feed's order of teams and players (Map.copyOf would not).
        players = players == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(players));
    }

    public record Toss(String winner, String decision) {}
}
